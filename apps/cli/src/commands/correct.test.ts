import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CorrectionList, correct } from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { main } from '../main.js';
import { renderDiff } from './correct.js';

function memoryIo(stdin = '', tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: { isTTY: false, write: (s: string) => out.push(s) > 0 },
    stderr: { isTTY: tty, write: (s: string) => err.push(s) > 0 },
    stdin: Readable.from([Buffer.from(stdin)]),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sohoa-correct-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOISY = 'Công tác kiếm tra, giám sát của Ủy ban nhân dân tinh.\n';
const CLEAN = 'Công tác kiểm tra, giám sát của Ủy ban nhân dân tỉnh.\n';

describe('sohoa correct', () => {
  it('prints the corrected text of a file', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, NOISY);
    const m = memoryIo();
    expect(await main(['correct', file], m.io)).toBe(0);
    expect(m.stdout()).toBe(CLEAN);
    expect(m.stderr()).toBe('');
  });

  it('reads standard input with -', async () => {
    const m = memoryIo(NOISY);
    expect(await main(['correct', '-'], m.io)).toBe(0);
    expect(m.stdout()).toBe(CLEAN);
  });

  it('adds the corrections in json', async () => {
    const m = memoryIo(NOISY);
    expect(await main(['correct', '-', '--format', 'json'], m.io)).toBe(0);
    const out = JSON.parse(m.stdout());
    expect(out.text).toBe(CLEAN);
    const corrections = CorrectionList.parse(out.corrections);
    expect(corrections.map((c) => [c.original, c.replacement, c.applied])).toEqual([
      ['kiếm', 'kiểm', true],
      ['tinh', 'tỉnh', true],
    ]);
  });

  it('shows the changes inline with diff, suggestions apart', async () => {
    const m = memoryIo(NOISY);
    expect(await main(['correct', '-', '-f', 'diff'], m.io)).toBe(0);
    expect(m.stdout()).toBe(
      'Công tác [-kiếm-]{+kiểm+} tra, giám sát của Ủy ban nhân dân [-tinh-]{+tỉnh+}.\n',
    );
    const s = memoryIo(NOISY);
    expect(await main(['correct', '-', '-f', 'diff', '--threshold', '1'], s.io)).toBe(0);
    expect(s.stdout()).toMatch(/\[-kiếm-\]\{\?kiểm\?\}/);
  });

  it('summarises on a terminal unless quiet', async () => {
    const m = memoryIo(NOISY, true);
    await main(['correct', '-'], m.io);
    expect(m.stderr()).toBe('sohoa correct: 2 corrected, 0 suggested\n');
    const q = memoryIo(NOISY, true);
    await main(['correct', '-', '-q'], q.io);
    expect(q.stderr()).toBe('');
  });

  it('forces a tone style', async () => {
    const m = memoryIo('Hòa bình và thủy lợi.\n');
    await main(['correct', '-', '--tone-style', 'new'], m.io);
    expect(m.stdout()).toBe('Hoà bình và thuỷ lợi.\n');
  });

  it("reads with the engine's calibrated channel costs", async () => {
    const text = 'Thủ tục hành chính được giải quyêt đúng hạn, tỷ lệ hô sơ trễ hẹn giảm dần qua các năm.\n';
    const run = async (...extra: string[]) => {
      const m = memoryIo(text);
      expect(await main(['correct', '-', '-f', 'json', ...extra], m.io)).toBe(0);
      return JSON.parse(m.stdout()) as { corrections: { original: string; confidence: number }[] };
    };
    const lm = await loadBundledLm();
    const confidences = (r: { corrections: { original: string; confidence: number }[] }) =>
      r.corrections.map((c) => `${c.original}:${c.confidence}`);
    const tesseract = await run('--engine', 'tesseract');
    expect(confidences(tesseract)).toEqual(confidences(correct(text, { lm, engine: 'tesseract' })));
    // The tables differ: the same repairs are not equally sure under both.
    expect(confidences(tesseract)).not.toEqual(confidences(await run()));
    expect(confidences(await run('--engine', 'sohoa'))).toEqual(confidences(correct(text, { lm })));
  });

  it('takes the OCR document JSON of sohoa ocr', async () => {
    const text = 'Công tác kiếm tra';
    const words = text
      .split(' ')
      .map((w) => ({ text: w, confidence: 90, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 } }));
    const bbox = { x0: 0, y0: 0, x1: 1, y1: 1 };
    const doc = {
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
    const file = path.join(dir, 'doc.json');
    await writeFile(file, JSON.stringify(doc));
    const m = memoryIo();
    expect(await main(['correct', file], m.io)).toBe(0);
    expect(m.stdout()).toBe('Công tác kiểm tra\n');
  });

  it('fails with one line on unreadable or non-UTF-8 input', async () => {
    const missing = memoryIo();
    expect(await main(['correct', path.join(dir, 'nope.txt')], missing.io)).toBe(1);
    expect(missing.stderr()).toMatch(/^sohoa correct: .*nope\.txt: no such file\n$/);

    const folder = memoryIo();
    expect(await main(['correct', dir], folder.io)).toBe(1);
    expect(folder.stderr()).toMatch(/is a directory\n$/);

    const latin1 = path.join(dir, 'latin1.txt');
    await writeFile(latin1, Buffer.from([0x43, 0xf4, 0x6e, 0x67, 0x0a])); // "Công" in Latin-1/CP1258 bytes
    const bad = memoryIo();
    expect(await main(['correct', latin1], bad.io)).toBe(1);
    expect(bad.stderr()).toMatch(/^sohoa correct: .*latin1\.txt: not UTF-8 text/);
    expect(bad.stderr().trim().split('\n')).toHaveLength(1);
    expect(bad.stdout()).toBe('');
  });

  it('rejects bad usage with exit code 2', async () => {
    for (const args of [
      [],
      ['a', 'b'],
      ['-', '-f', 'html'],
      ['-', '-t', '2'],
      ['-', '-t', 'x'],
      ['-', '--tone-style', 'x'],
      ['-', '--engine', 'abbyy'],
    ]) {
      const m = memoryIo();
      expect(await main(['correct', ...args], m.io)).toBe(2);
      expect(m.stderr()).toMatch(/^sohoa correct: /);
    }
  });

  it('has help', async () => {
    const m = memoryIo();
    expect(await main(['correct', '--help'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/--threshold/);
    const top = memoryIo();
    await main(['--help'], top.io);
    expect(top.stdout()).toMatch(/correct <file\|->/);
  });
});

describe('renderDiff', () => {
  it('escapes brackets of the text inside the marks', () => {
    const c = {
      start: 0,
      end: 3,
      line: 1,
      column: 1,
      outputStart: 0,
      outputEnd: 3,
      original: 'a[b',
      replacement: 'a{b',
      confidence: 1,
      reason: 'letter' as const,
      applied: true,
      alternatives: [],
      note: '',
    };
    expect(renderDiff('a[b c', [c])).toBe('[-a\\[b-]{+a\\{b+} c');
  });
});
