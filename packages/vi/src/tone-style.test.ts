import { describe, expect, it } from 'vitest';
import { convertToneStyle, countToneStyles, detectToneStyle } from './tone-style.js';

const OLD = 'Cộng hòa xã hội; sức khỏe, thủy lợi, thúy, ủy ban, Hòa Bình, THỦY';
const NEW = 'Cộng hoà xã hội; sức khoẻ, thuỷ lợi, thuý, uỷ ban, Hoà Bình, THUỶ';

describe('detectToneStyle', () => {
  it('tells the styles apart', () => {
    expect(detectToneStyle(OLD)).toBe('old');
    expect(detectToneStyle(NEW)).toBe('new');
    expect(countToneStyles(OLD)).toEqual({ old: 7, new: 0 });
    expect(countToneStyles(NEW)).toEqual({ old: 0, new: 7 });
  });

  it('is unknown without evidence or on a tie', () => {
    expect(detectToneStyle('hoàn toàn quý hoa')).toBe('unknown');
    expect(detectToneStyle('hòa hoà')).toBe('unknown');
    expect(detectToneStyle('')).toBe('unknown');
    expect(detectToneStyle('Hello world')).toBe('unknown');
  });

  it('goes with the majority', () => {
    expect(detectToneStyle('hòa khỏe thuỷ')).toBe('old');
  });
});

describe('convertToneStyle', () => {
  it('converts hoà↔hòa, uỷ↔ủy, thuý↔thúy, khoẻ↔khỏe', () => {
    expect(convertToneStyle(NEW, 'old')).toBe(OLD);
    expect(convertToneStyle(OLD, 'new')).toBe(NEW);
  });

  it('leaves text already in the target style identical', () => {
    expect(convertToneStyle(OLD, 'old')).toBe(OLD);
    expect(convertToneStyle(NEW, 'new')).toBe(NEW);
  });

  it('touches nothing but the differing syllables', () => {
    const text = 'hoàn toàn, quý, khuyết, 36-NQ/TW; café hoà\tx\r\nhoàx  Việt'.concat(
      ' ',
      'Việt'.normalize('NFD'),
    );
    const converted = convertToneStyle(text, 'old');
    expect(converted).toBe(text.replace('café hoà', 'café hòa'));
  });

  it('converts NFD syllables and outputs them NFC', () => {
    expect(convertToneStyle('hoà'.normalize('NFD'), 'old')).toBe('hòa');
  });

  it('round-trips', () => {
    const text = 'Ủy ban nhân dân tỉnh Khánh Hòa; thủy sản, khỏe mạnh, hòa bình.';
    expect(convertToneStyle(convertToneStyle(text, 'new'), 'old')).toBe(text);
  });
});
