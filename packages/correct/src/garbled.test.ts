import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OcrDocument, OcrWord } from '@sohoa/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreCorrection } from './align.js';
import { learnTable } from './channel/document.js';
import { DEFAULT_TABLE } from './channel/table.js';
import { correct } from './correct.js';
import { loadBundledLm } from './lm/bundled.node.js';
import type { SyllableLm } from './lm/index.js';
import { segment } from './units.js';

// Letters garbled beyond the table's confusions, neighbours damaged together, frequent words that
// are collocations of nothing, and the document's own error rate. Sentences written for these tests.

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});
const fix = (text: string) => correct(text, { lm }).text;

describe('correct: garbled letters', () => {
  it('finds a syllable one letter off whatever the letter (l read for h)', () => {
    expect(fix('Tăng cường công tác clăm sóc sức khỏe nhân dân.')).toBe(
      'Tăng cường công tác chăm sóc sức khỏe nhân dân.',
    );
  });

  it('finds two of the table’s confusions in one syllable', () => {
    // cl read for d and u for n in one word: "clụug" is "dụng".
    expect(fix('Các đơn vị sử clụug ngân sách nhà nước đúng quy định.')).toBe(
      'Các đơn vị sử dụng ngân sách nhà nước đúng quy định.',
    );
  });

  it('decodes two damaged neighbours together', () => {
    expect(fix('Mở rộng hợp tảc quồc tế về khoa học.')).toBe('Mở rộng hợp tác quốc tế về khoa học.');
  });

  it("reads the words around a form's blank together, not as sentences of their own", () => {
    expect(fix('Lào Cai, ngay...... thang...... nam 2024')).toBe('Lào Cai, ngày...... tháng...... năm 2024');
    // Three dots are an ellipsis, which may end a sentence: left as it was.
    expect(segment('ngày... tháng').some((u) => u.kind === 'break')).toBe(true);
    expect(segment('ngày...... tháng').some((u) => u.kind === 'break')).toBe(false);
  });

  it('repairs a frequent word that fits where the reading fits nowhere (đế for để)', () => {
    const out = fix('Thời gian công tác tại đơn vị đế bình xét danh hiệu thi đua.');
    expect(out).toContain('đơn vị để bình xét');
  });
});

describe('correct: the document’s own error rate', () => {
  const plan = readFileSync(
    fileURLToPath(
      new URL('../../../fixtures/texts/plans/KH_17_LaoCai_UBND_134-KH-UBND_NQ34-NQ-TU.txt', import.meta.url),
    ),
    'utf8',
  );

  it('reads a clean transcription at its own low rate: a real word stays where the prior rate would change it', () => {
    const at = plan.indexOf('học viện”');
    expect(at).toBeGreaterThan(0);
    const changed = (r: ReturnType<typeof correct>) =>
      r.corrections.some((c) => c.applied && c.start === at + 4 && c.replacement !== c.original);
    // At the rate a page of OCR is expected to have, "học viện" would become "học viên"…
    expect(changed(correct(plan, { lm, errorRate: DEFAULT_TABLE.errorRate }))).toBe(true);
    // …but the document shows itself clean, and is read at its own rate.
    expect(changed(correct(plan, { lm }))).toBe(false);
  });
});

describe('correct: the document’s own confusions', () => {
  const fixture = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../../../fixtures/texts/${name}`, import.meta.url)), 'utf8');
  const noisy = fixture('ocr/seed-part1.noisy.txt');
  const clean = fixture('plans/seed-part1.clean.txt');

  it("fixes more of another engine's OCR once the first pass's repairs re-estimate its confusion costs", () => {
    const once = scoreCorrection(clean, noisy, correct(noisy, { lm, adapt: false }).text, true);
    const learnt = scoreCorrection(clean, noisy, correct(noisy, { lm }).text, true);
    expect(learnt.fixed).toBeGreaterThan(once.fixed);
    expect(learnt.broken).toBeLessThanOrEqual(once.broken);
  });

  it('learns a batch’s table from a first run, for a second', () => {
    const first = correct(noisy, { lm });
    const table = learnTable([first], DEFAULT_TABLE);
    expect(table).not.toBeNull();
    expect(table!.source).toMatch(/re-estimated on \d+ repairs/);
    // This engine loses sắc marks (sắc read as ngang: tone 2 read as 0) far more than sohoa's OCR.
    expect(table!.tone[0]![2]!).toBeLessThan(DEFAULT_TABLE.tone[0]![2]! - 0.2);
    expect(learnTable([], DEFAULT_TABLE)).toBeNull();
  });
});

describe('correct: the OCR’s own alternatives', () => {
  const bbox = { x0: 0, y0: 0, x1: 1, y1: 1 };
  const document = (words: OcrWord[]): OcrDocument => {
    const text = words.map((w) => w.text).join(' ');
    return {
      type: 'ocr-document',
      source: 'x.png',
      language: 'vie',
      text,
      pages: [
        {
          number: 1,
          width: 1,
          height: 1,
          dpi: 300,
          source: 'ocr',
          confidence: 90,
          text,
          blocks: [{ bbox, role: 'body', lines: [{ bbox, words }] }],
        },
      ],
    };
  };
  const words = 'Các đơn vị bàn kế hoạch năm sau.'.split(' ').map((text) => ({ text, bbox, confidence: 90 }));

  it('takes a word the OCR weighed above its reading, where the context cannot tell', () => {
    expect(correct(document(words), { lm }).text).toBe('Các đơn vị bàn kế hoạch năm sau.');
    const offered = words.map((w) =>
      w.text === 'bàn' ? { ...w, confidence: 40, choices: [{ text: 'bản', confidence: 90 }] } : w,
    );
    const r = correct(document(offered), { lm });
    expect(r.text).toBe('Các đơn vị bản kế hoạch năm sau.');
    // A rival the OCR barely weighed is no such evidence.
    const faint = words.map((w) =>
      w.text === 'bàn' ? { ...w, choices: [{ text: 'bản', confidence: 6 }] } : w,
    );
    expect(correct(document(faint), { lm }).text).toBe('Các đơn vị bàn kế hoạch năm sau.');
  });
});
