import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { correct } from './correct.js';
import { loadBundledLm } from './lm/bundled.node.js';
import type { SyllableLm } from './lm/index.js';
import { type CorrectionMessage, correctionMessages, MESSAGE_SOURCE } from './messages.js';
import { sohoaCorrect, sohoaTextParse, sohoaTextStringify } from './plugin.js';

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});

const TEXT = 'Kế hoạch số 12/KH-UBND\nCông tác kiếm tra được tăng cường.\n';

describe('correctionMessages', () => {
  it('makes one vfile message per correction, with place, rule, actual and expected', () => {
    const r = correct(TEXT, { lm });
    const [m] = correctionMessages(TEXT, r.corrections);
    expect(m).toMatchObject({
      source: MESSAGE_SOURCE,
      ruleId: 'tone',
      actual: 'kiếm',
      expected: ['kiểm'],
      place: { start: { line: 2, column: 10, offset: 32 }, end: { line: 2, column: 14, offset: 36 } },
    });
    expect(m!.fatal).toBeUndefined(); // applied: an info
    expect(m!.reason).toMatch(/^Corrected `kiếm` to `kiểm` \(tone, \d+%\)$/);
    expect(m!.correction.applied).toBe(true);
  });

  it('makes suggestions warnings', () => {
    const r = correct(TEXT, { lm, threshold: 1 });
    const [m] = correctionMessages(TEXT, r.corrections);
    expect(m!.fatal).toBe(false);
    expect(m!.reason).toMatch(/^Did you mean `kiểm` for `kiếm`\?/);
  });
});

describe('unified plugins', () => {
  it('correct plain text through parse, correct and stringify', async () => {
    const file = await unified()
      .use(sohoaTextParse)
      .use(sohoaCorrect, { lm })
      .use(sohoaTextStringify)
      .process(TEXT);
    expect(String(file)).toBe('Kế hoạch số 12/KH-UBND\nCông tác kiểm tra được tăng cường.\n');
    expect(file.messages).toHaveLength(1);
    const m = file.messages[0] as CorrectionMessage;
    expect(m.place).toEqual({
      start: { line: 2, column: 10, offset: 32 },
      end: { line: 2, column: 14, offset: 36 },
    });
  });

  it('correct the text nodes of any unist tree, with places in the file', async () => {
    const source = 'Tiêu đề\n\nCông tác kiếm tra.';
    const tree = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            {
              type: 'text',
              value: 'Công tác kiếm tra.',
              position: {
                start: { line: 3, column: 1, offset: 9 },
                end: { line: 3, column: 19, offset: 27 },
              },
            },
          ],
        },
      ],
    };
    const file = new VFile(source);
    const out = await unified().use(sohoaCorrect, { lm }).run(tree, file);
    expect(JSON.stringify(out)).toContain('Công tác kiểm tra.');
    expect(file.messages[0]?.place).toMatchObject({ start: { line: 3, column: 10, offset: 18 } });
  });

  it('rejects a model that is none when the pipeline is set up, with a CorrectError', () => {
    expect(() =>
      unified()
        .use(sohoaCorrect, { lm: 'model' } as never)
        .freeze(),
    ).toThrow(
      expect.objectContaining({ name: 'CorrectError', code: 'invalid-options', path: ['options', 'lm'] }),
    );
  });

  it('runs the rules alone without options', async () => {
    const file = await unified()
      .use(sohoaTextParse)
      .use(sohoaCorrect)
      .use(sohoaTextStringify)
      .process('Nghị quyết số 36-NQ/7W.');
    expect(String(file)).toBe('Nghị quyết số 36-NQ/TW.');
  });
});
