import { describe, expect, it } from 'vitest';
import { lineStarts, locate, locateTasks, pageAt } from './locate.js';
import { FIXTURES, loadFixture } from './test-support/fixtures.js';

describe('locate', () => {
  it('finds a string across line breaks and picks the match nearest the line', () => {
    const text = 'Sở Y tế chủ trì\nthực hiện.\n\nSở Y tế chủ\ntrì thực hiện.\n';
    expect(locate(text, 'Sở Y tế chủ trì thực hiện.', { nearLine: 4 })).toEqual({ start: 28, end: 54 });
    expect(locate(text, 'Sở Y tế chủ trì thực hiện.', { nearLine: 1 })).toEqual({ start: 0, end: 26 });
    expect(locate(text, 'Sở Tài chính')).toBeNull();
    expect(locate(text, 'thực hiện', { within: { start: 16, end: 40 } })).toEqual({ start: 16, end: 25 });
  });

  it('counts pages by form feeds', () => {
    const text = 'a\n\f\nb\n\f\nc';
    expect(pageAt(text, 0)).toBe(1);
    expect(pageAt(text, text.indexOf('b'))).toBe(2);
    expect(pageAt(text, text.indexOf('c'))).toBe(3);
    expect(lineStarts(text)).toEqual([0, 2, 4, 6, 8]);
  });

  it.each(FIXTURES)('finds every task of %s in its corrected text', (name) => {
    const doc = loadFixture(name);
    const spans = locateTasks(doc.text, doc.plan.tasks);
    const missing = doc.plan.tasks.filter((_, i) => !spans[i]).map((t) => t.text);
    expect(missing).toEqual([]);
  });
});
