import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OcrDocument } from '@sohoa/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, fixture, repoRoot, runCli } from './run-cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-hard-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface Expected {
  file: string;
  code: string | null;
  message: string;
}
const expected: Expected[] = JSON.parse(readFileSync(fixture('bad/expected.json'), 'utf8')).inputs;

const digest = (files: string[]) => {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest('hex');
};

describe('sohoa ocr on every crafted bad input, in one batch', () => {
  it('gives each its one-line error, reads the rest, leaves no half-written output and no input changed', async () => {
    const out = path.join(tmp, 'batch');
    const good = fixture('pdfs/text-layer.pdf');
    const inputs = [...expected.map((e) => fixture(e.file)), good];
    const before = digest(inputs);
    const r = await runCli(['ocr', '--out', out, '--format', 'json', ...inputs]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const failing = expected.filter((e) => e.code !== null);
    expect(lines).toHaveLength(failing.length);
    for (const e of failing) {
      const line = lines.find((l) => l.startsWith(`sohoa: ${fixture(e.file)}: `));
      expect(line, e.file).toBeDefined();
      expect(line).toContain(e.message);
    }
    // Outputs only for what could be read, and nothing temporary left behind.
    const readable = [...expected.filter((e) => e.code === null).map((e) => e.file), 'pdfs/text-layer.pdf'];
    const names = readable.map((f) => `${path.basename(f).replace(/\.[^.]+$/, '')}.json`).sort();
    expect((await readdir(out)).sort()).toEqual(names);
    for (const name of names) OcrDocument.parse(JSON.parse(await readFile(path.join(out, name), 'utf8')));
    expect(digest(inputs)).toBe(before);
  });
});

describe('sohoa commands at their edges', () => {
  it('refuses an unknown --ocr-model as a usage error', async () => {
    const r = await runCli(['ocr', '--ocr-model', 'huge', fixture('pdfs/text-layer.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sohoa ocr: --ocr-model must be best or fast, got "huge"\n');
  });

  it('ocr reads "-" from standard input', async () => {
    const r = await runCli(['ocr', '-'], { input: readFileSync(fixture('pdfs/text-layer.pdf')) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/KẾ HOẠCH/);
  });

  it('checks the output folder before any OCR: one line, exit 2, nothing written', async () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const r = await runCli(['ocr', '--out', path.join(file, 'out'), fixture('sample/sample-plan.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `sohoa ocr: --out ${path.join(file, 'out')}: cannot write there (a file is in the way)\n`,
    );
  });

  it('ends quietly when the reader closes the pipe (sohoa ocr … | head -1)', async () => {
    const pdf = fixture('pdfs/text-layer.pdf');
    const inputs = Array.from({ length: 12 }, () => pdf);
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'ocr', '-q', ...inputs], { cwd: repoRoot });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d) => {
        err += d;
      });
      // Read the first chunk, then hang up, as `head -1` does.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('parse reads PDFs and scans through OCR (a Buffer from the file system)', async () => {
    const pdf = await runCli(['parse', fixture('pdfs/text-layer.pdf')]);
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    expect(JSON.parse(pdf.stdout)).toMatchObject({
      type: 'plan',
      docType: { code: 'ke-hoach' },
      regime: 'party',
    });
    const scan = await runCli(['parse', '--format', 'md', fixture('scans/state-150.jpg')]);
    expect(scan.stderr).toBe('');
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/KẾ HOẠCH|Kế hoạch/);
  });

  it('parse of a crafted file gives the OCR error in one line', async () => {
    const r = await runCli(['parse', fixture('bad/png-width-zero.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/png-width-zero\.png: .*0×10 pixels/);
  });
});

it('every crafted file is in fixtures/bad/', () => {
  const present = new Set(readdirSync(fixture('bad')));
  for (const e of expected.filter((x) => x.file.startsWith('bad/')))
    expect(present.has(path.basename(e.file))).toBe(true);
});
