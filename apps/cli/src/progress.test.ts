import { describe, expect, it } from 'vitest';
import { formatSeconds, ProgressBar } from './progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, columns: 120, chunks, write: (c: string) => chunks.push(c) > 0 };
}

describe('ProgressBar', () => {
  it('draws pages, files and an ETA on a terminal, messages above it, and clears itself', () => {
    const s = stream(true);
    const bar = new ProgressBar(s, 2);
    bar.addPages(4);
    bar.pageDone();
    bar.fileDone();
    bar.log('sohoa: x.pdf: the PDF is encrypted');
    bar.finish();
    const out = s.chunks.join('');
    expect(out).toContain('sohoa: x.pdf: the PDF is encrypted\n');
    expect(out).toMatch(/█{6}░{18} 1\/4 pages · 1\/2 files · ETA/);
  });

  it('is silent when piped but still prints messages', () => {
    const s = stream(false);
    const bar = new ProgressBar(s, 1);
    bar.addPages(3);
    bar.pageDone();
    bar.log('sohoa: x.pdf: the PDF is encrypted');
    bar.finish();
    expect(s.chunks).toEqual(['sohoa: x.pdf: the PDF is encrypted\n']);
  });

  it('formats durations', () => {
    expect(formatSeconds(undefined)).toBe('--:--');
    expect(formatSeconds(125.4)).toBe('02:05');
  });
});
