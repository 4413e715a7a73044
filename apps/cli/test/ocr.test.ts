import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OcrDocument } from '@sohoa/model';
import { cer } from '@sohoa/vi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('sohoa (built CLI)', () => {
  it('shows help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sohoa ocr|ocr <inputs/);
    const sub = await runCli(['ocr', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/--format/);
  });

  it('rejects unknown options and commands with a usage error', async () => {
    expect((await runCli(['ocr', '--bogus', 'x.png'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const r = await runCli(['ocr', '--format', 'docx', 'x.png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown --format "docx"/);
  });

  it('OCRs the bundled sample to stdout with the network cut off, without a progress bar when piped', async () => {
    const log = path.join(tmp, 'network.log');
    const r = await runCli(['ocr', fixture('sample/sample-plan.pdf')], {
      env: {
        NODE_OPTIONS: `--require ${fileURLToPath(new URL('./no-network.cjs', import.meta.url))}`,
        SOHOA_NETWORK_LOG: log,
      },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const gt = await readFile(fixture('sample/sample-plan.gt.txt'), 'utf8');
    expect(cer(gt, r.stdout)).toBeLessThan(0.05);
    // The blocker would have logged any attempt (and made it fail).
    await expect(stat(log)).rejects.toThrow();
  });

  it('processes a batch with bad files: one line per failure, outputs for the rest, exit code 1', async () => {
    const out = path.join(tmp, 'batch');
    const good = fixture('scans/state-clean-300.png');
    const inputs = [
      fixture('bad/zero-bytes.png'),
      good,
      fixture('pdfs/encrypted.pdf'),
      fixture('bad/not-an-image.png'),
      fixture('pdfs/text-layer.pdf'),
      path.join(tmp, 'missing.tif'),
    ];
    const r = await runCli(['ocr', '--out', out, '--format', 'json', ...inputs]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/zero-bytes\.png: .*empty/);
    expect(r.stderr).toMatch(/encrypted\.pdf: .*encrypted/);
    expect(r.stderr).toMatch(/not-an-image\.png: .*not a supported/);
    expect(r.stderr).toMatch(/missing\.tif: no such file/);
    // Only the good inputs have outputs, and no temporary files are left behind.
    expect((await readdir(out)).sort()).toEqual(['state-clean-300.json', 'text-layer.json']);
    const doc = OcrDocument.parse(JSON.parse(await readFile(path.join(out, 'state-clean-300.json'), 'utf8')));
    const gt = await readFile(fixture('scans/state-clean-300.gt.txt'), 'utf8');
    expect(cer(gt, doc.text)).toBeLessThan(0.04);
  });

  it('writes hOCR with one ocrx_word per recognised word', async () => {
    const out = path.join(tmp, 'hocr');
    const r = await runCli(['ocr', '-o', out, '-f', 'hocr', fixture('pdfs/text-layer.pdf')]);
    expect(r.code).toBe(0);
    const hocr = await readFile(path.join(out, 'text-layer.hocr'), 'utf8');
    expect(hocr).toMatch(/class="ocr_page"/);
    const words = hocr.match(/class="ocrx_word"/g)?.length ?? 0;
    const json = await runCli(['ocr', '-f', 'json', fixture('pdfs/text-layer.pdf')]);
    const doc = OcrDocument.parse(JSON.parse(json.stdout));
    const expected = doc.pages.flatMap((p) =>
      p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)),
    ).length;
    expect(words).toBe(expected);
  });

  it('keeps per-character alternatives as word choices with --alternatives, which correct reads', async () => {
    const scan = fixture('scans/plan-poor-150.jpg');
    const json = await runCli(['ocr', '-f', 'json', '--alternatives', scan]);
    expect(json.code).toBe(0);
    const doc = OcrDocument.parse(JSON.parse(json.stdout));
    const words = doc.pages.flatMap((p) => p.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)));
    expect(words.filter((w) => w.choices !== undefined).length).toBeGreaterThan(5);
    const file = path.join(tmp, 'with-choices.json');
    await writeFile(file, json.stdout);
    const corrected = await runCli(['correct', file, '-f', 'json']);
    expect(corrected.code).toBe(0);
    expect(JSON.parse(corrected.stdout).text.length).toBeGreaterThan(100);
  });
});
