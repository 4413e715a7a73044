import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPaths, safeBaseName } from './output-names.js';

describe('outputPaths', () => {
  it('keeps every output inside the folder, whatever the input path', () => {
    const out = outputPaths(['../../etc/passwd.png', '/abs/scan.pdf', 'C:\\docs\\plan.tif'], '/out', '.txt');
    expect(out).toEqual(['/out/passwd.txt', '/out/scan.txt', '/out/plan.txt']);
    for (const p of out) expect(path.relative('/out', p).startsWith('..')).toBe(false);
  });

  it('gives colliding names numbered suffixes', () => {
    expect(outputPaths(['a/scan.png', 'b/scan.png', 'b/Scan.pdf'], 'o', '.json')).toEqual([
      path.join('o', 'scan.json'),
      path.join('o', 'scan-2.json'),
      path.join('o', 'Scan-3.json'),
    ]);
  });

  it('never yields an empty, dot-only or control-character name', () => {
    expect(safeBaseName('..')).toBe('document');
    expect(safeBaseName('.png')).toBe('document');
    expect(safeBaseName('a\u0007b:c.png')).toBe('a_b_c');
  });
});
