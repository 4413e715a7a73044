import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import { en, vi } from './messages';

describe('interface language', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();
      expect(holes(en[key]), key).toEqual(holes(vi[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });
  it('fills placeholders in order', () => {
    expect(translate('vi', 'statusOcr', 2, 3)).toBe('Đang nhận dạng trang 2/3…');
    expect(translate('en', 'statusDone', 3, 12, 5)).toBe('Done: 3 pages, 12 corrections, 5 tasks.');
  });
});
