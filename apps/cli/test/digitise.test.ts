import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, fixture, repoRoot, runCli } from './run-cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-digitise-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Every file under a folder, relative, with a hash of its bytes. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return out;
}

/** A folder holds a complete result: a manifest naming files that all exist and parse. */
function checkComplete(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, '.sohoa.json'), 'utf8')) as { files: string[] };
  for (const name of manifest.files) {
    const file = path.join(dir, name);
    expect(existsSync(file), file).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.length, file).toBeGreaterThan(0);
    if (name.endsWith('.json')) JSON.parse(bytes.toString('utf8'));
    if (name.endsWith('.pdf')) expect(bytes.subarray(bytes.length - 8).toString('latin1')).toMatch(/%%EOF/);
    if (name.endsWith('.docx')) expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }
  return manifest.files;
}

/** write-file-atomic's temporary files are `<name>.<hex>`. */
const isTemporary = (name: string) => /\.(json|md|html|csv|ics|docx|hocr|xml|pdf|txt)\.[0-9a-f]+$/.test(name);

describe('sohoa digitise', () => {
  it('writes every format for a scan and a text, mirrors folders, and reports a bad input in one line', async () => {
    const input = path.join(tmp, 'collection');
    mkdirSync(path.join(input, '2024', 'quý I'), { recursive: true });
    copyFileSync(fixture('pdfs/text-layer.pdf'), path.join(input, '2024', 'quý I', 'kh-36.pdf'));
    copyFileSync(
      fixture('texts/plans/KH_17_LaoCai_UBND_134-KH-UBND_NQ34-NQ-TU.txt'),
      path.join(input, 'kh-134.txt'),
    );
    copyFileSync(fixture('bad/png-width-zero.png'), path.join(input, 'broken.png'));
    const out = path.join(tmp, 'out-1');
    const r = await runCli(['digitise', input, '--out', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `sohoa: ${path.join(input, 'broken.png')}: the PNG is corrupt (its header says 0×10 pixels)`,
    ]);
    const pdfDir = path.join(out, '2024', 'quý I', 'kh-36');
    expect(checkComplete(pdfDir).sort()).toEqual(
      [
        'kh-36.alto.xml',
        'kh-36.csv',
        'kh-36.docx',
        'kh-36.hocr',
        'kh-36.html',
        'kh-36.ics',
        'kh-36.json',
        'kh-36.md',
        'kh-36.pdf',
        'kh-36.txt',
      ].sort(),
    );
    // A text input has no geometry: no hOCR, ALTO or PDF, everything else.
    expect(checkComplete(path.join(out, 'kh-134')).sort()).toEqual(
      [
        'kh-134.csv',
        'kh-134.docx',
        'kh-134.html',
        'kh-134.ics',
        'kh-134.json',
        'kh-134.md',
        'kh-134.txt',
      ].sort(),
    );
    expect(existsSync(path.join(out, 'broken'))).toBe(false);
    // The summary table: one row per input and the totals.
    expect(r.stdout).toMatch(/kh-36\.pdf.*done/);
    expect(r.stdout).toMatch(/broken\.png.*failed: the PNG is corrupt/);
    expect(r.stdout).toMatch(/total: 3 inputs.*2 done, 0 skipped, 1 failed/);
  });

  it('resumes after being killed mid-batch: every output complete, nothing half-written, nothing done twice', async () => {
    const input = path.join(tmp, 'many');
    mkdirSync(input);
    for (const name of ['a', 'b', 'c', 'd'])
      copyFileSync(fixture('pdfs/text-layer.pdf'), path.join(input, `${name}.pdf`));
    copyFileSync(fixture('scans/state-150.jpg'), path.join(input, 'e.jpg'));
    for (const name of ['f', 'g'])
      copyFileSync(fixture('texts/plan-bacgiang-36.txt'), path.join(input, `${name}.txt`));
    const out = path.join(tmp, 'out-resume');

    // Run 1: one file at a time, killed (SIGKILL) as soon as the first result is complete.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [bin, 'digitise', input, '--out', out, '--jobs', '1', '--quiet'],
        {
          cwd: repoRoot,
          stdio: 'ignore',
        },
      );
      const timer = setInterval(() => {
        const done =
          existsSync(out) &&
          readdirSync(out, { recursive: true }).some((f) => String(f).endsWith('.sohoa.json'));
        if (done) child.kill('SIGKILL');
      }, 20);
      child.on('error', reject);
      child.on('exit', (_code, signal) => {
        clearInterval(timer);
        signal === 'SIGKILL' ? resolve() : reject(new Error(`run 1 was not killed (exit ${_code})`));
      });
    });
    const completeBefore = readdirSync(out).filter((d) => existsSync(path.join(out, d, '.sohoa.json')));
    expect(completeBefore).toContain('a');
    expect(completeBefore.length).toBeLessThan(7);
    const before = new Map(completeBefore.map((d) => [d, tree(path.join(out, d))]));
    const mtimes = new Map(
      completeBefore.map((d) => [d, statSync(path.join(out, d, '.sohoa.json')).mtimeMs]),
    );

    // Run 2: --resume finishes the batch.
    const r = await runCli(['digitise', input, '--out', out, '--resume', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `total: 7 inputs.*${7 - completeBefore.length} done, ${completeBefore.length} skipped, 0 failed`,
      ),
    );
    for (const d of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) checkComplete(path.join(out, d));
    // What was complete was not redone: same bytes, same manifest.
    for (const d of completeBefore) {
      expect(tree(path.join(out, d))).toEqual(before.get(d));
      expect(statSync(path.join(out, d, '.sohoa.json')).mtimeMs).toBe(mtimes.get(d));
    }
    // No temporary file survives anywhere.
    const leftovers = readdirSync(out, { recursive: true })
      .map(String)
      .filter((f) => isTemporary(path.basename(f)));
    expect(leftovers).toEqual([]);
  });

  it('gives every crafted bad input the same one-line error as sohoa ocr, and digitises the rest', async () => {
    const expected: { file: string; code: string | null; message: string }[] = JSON.parse(
      readFileSync(fixture('bad/expected.json'), 'utf8'),
    ).inputs;
    const out = path.join(tmp, 'out-bad');
    const r = await runCli([
      'digitise',
      '--quiet',
      '--format',
      'json,txt',
      '--out',
      out,
      ...expected.map((e) => fixture(e.file)),
    ]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const failing = expected.filter((e) => e.code !== null);
    // The self-drawing form is read as a blank page: nothing to digitise, said in one line. (A text
    // is digitised too, but not one named like a scan: bad/not-an-image.png is refused as by ocr.)
    expect(lines).toHaveLength(failing.length + 1);
    expect(lines).toContain(`sohoa: ${fixture('bad/pdf-recursive-form.pdf')}: no text was found on any page`);
    for (const e of failing) {
      const line = lines.find((l) => l.startsWith(`sohoa: ${fixture(e.file)}: `));
      expect(line, e.file).toBeDefined();
      expect(line).toContain(e.message);
    }
    checkComplete(path.join(out, 'pdf-lying-count'));
    const leftovers = readdirSync(out, { recursive: true })
      .map(String)
      .filter((f) => isTemporary(path.basename(f)));
    expect(leftovers).toEqual([]);
  });

  it('checks the output folder before any work and needs --out', async () => {
    const file = path.join(tmp, 'not-a-folder');
    writeFileSync(file, 'x');
    const r = await runCli(['digitise', fixture('pdfs/text-layer.pdf'), '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sohoa digitise: --out .*: cannot write there \(a file is in the way\)\n$/);
    expect((await runCli(['digitise', fixture('pdfs/text-layer.pdf')])).code).toBe(2);
    expect((await runCli(['digitise', 'x.pdf', '--out', tmp, '--format', 'json,xls'])).stderr).toMatch(
      /unknown format "xls"/,
    );
    const engine = await runCli(['digitise', 'x.txt', '--out', tmp, '--engine', 'abbyy']);
    expect(engine.code).toBe(2);
    expect(engine.stderr).toMatch(/--engine must be sohoa or tesseract, got "abbyy"/);
  });
});

describe('sohoa eval', () => {
  it('prints CER and WER, and with --before the words fixed and broken', async () => {
    const ref = path.join(tmp, 'ref.txt');
    const ocr = path.join(tmp, 'ocr.txt');
    const hyp = path.join(tmp, 'hyp.txt');
    writeFileSync(ref, 'Tăng cường công tác bảo vệ môi trường biển\n');
    writeFileSync(ocr, 'Tăng cuờng công tac hảo vệ môi trường biển\n');
    writeFileSync(hyp, 'Tăng cường công tác bảo vệ môi trưởng biển\n');
    const r = await runCli(['eval', hyp, ref, '--before', ocr, '--json']);
    expect(r.code).toBe(0);
    const figures = JSON.parse(r.stdout);
    expect(figures).toMatchObject({ words: 9, wrongBefore: 3, fixed: 3, rightBefore: 6, broken: 1 });
    expect(figures.wer).toBeCloseTo(1 / 9, 5);
    expect(figures.werBefore).toBeCloseTo(3 / 9, 5);
    const text = await runCli(['eval', hyp, ref]);
    expect(text.stdout).toMatch(/^CER \d+\.\d\d % {3}WER 11\.11 %\n$/);
  });

  it('learns a batch of OCR text files its own confusions with --learn, then corrects them with them', async () => {
    const batch = path.join(tmp, 'learn-in');
    mkdirSync(batch, { recursive: true });
    copyFileSync(fixture('texts/ocr/seed-part1.noisy.txt'), path.join(batch, 'seed.txt'));
    const plain = await runCli(['digitise', batch, '--out', path.join(tmp, 'plain'), '-f', 'json', '-q']);
    expect(plain.code).toBe(0);
    const learnt = await runCli([
      'digitise',
      batch,
      '--out',
      path.join(tmp, 'learnt'),
      '-f',
      'json',
      '--learn',
    ]);
    expect(learnt.code).toBe(0);
    expect(learnt.stderr).toMatch(/learnt the confusions of 1 text input \(\d+ repairs\)/);
    const sureness = (dir: string) =>
      JSON.parse(readFileSync(path.join(tmp, dir, 'seed', 'seed.json'), 'utf8')).corrections.map(
        (c: { confidence: number }) => c.confidence,
      );
    expect(sureness('learnt')).not.toEqual(sureness('plain'));
  });
});
