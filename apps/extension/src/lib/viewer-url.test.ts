import { describe, expect, it } from 'vitest';
import { fileFromLocation, isOpenableUrl, nameOfUrl, viewerPath } from './viewer-url';

describe('viewer address', () => {
  it('round-trips an encoded URL, as the toolbar and menu make it', () => {
    const url = 'https://x.gov.vn/a b/Kế hoạch.pdf?x=1&y=2';
    const path = viewerPath(url);
    const search = path.slice(path.indexOf('?'));
    expect(fileFromLocation(search)).toBe(url);
  });
  it('takes a raw URL verbatim after file=, as a redirect pastes it', () => {
    expect(fileFromLocation('?file=https://a.vn/x.pdf?a=1&b=2', '#page=3')).toBe(
      'https://a.vn/x.pdf?a=1&b=2#page=3',
    );
  });
  it('has no file when none is asked for', () => {
    expect(fileFromLocation('')).toBeNull();
    expect(fileFromLocation('?doc=abc')).toBeNull();
  });
  it('opens web and file URLs only', () => {
    expect(isOpenableUrl('https://a.vn/x.pdf')).toBe(true);
    expect(isOpenableUrl('file:///tmp/x.pdf')).toBe(true);
    expect(isOpenableUrl('javascript:alert(1)')).toBe(false);
    expect(isOpenableUrl('not a url')).toBe(false);
  });
  it('names a document after its last path segment, decoded', () => {
    expect(nameOfUrl('https://a.vn/files/K%E1%BA%BF%20ho%E1%BA%A1ch.pdf?x=1')).toBe('Kế hoạch.pdf');
    expect(nameOfUrl('https://a.vn/')).toBe('a.vn');
  });
});
