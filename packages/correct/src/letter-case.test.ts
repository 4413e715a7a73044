import { describe, expect, it } from 'vitest';
import { allCaseAmbiguous, applyCase, caseAmbiguous, casePattern } from './letter-case.js';

describe('letter case', () => {
  it('classifies patterns', () => {
    expect(casePattern('hòa')).toBe('lower');
    expect(casePattern('Hòa')).toBe('title');
    expect(casePattern('HÒA')).toBe('upper');
    expect(casePattern('TTg')).toBe('mixed');
    expect(casePattern('A')).toBe('title');
    expect(casePattern('123')).toBe('none');
  });
  it('applies patterns', () => {
    expect(applyCase('upper', 'kế hoạch')).toBe('KẾ HOẠCH');
    expect(applyCase('title', 'đà nẵng')).toBe('Đà nẵng');
    expect(applyCase('lower', 'cơ')).toBe('cơ');
  });
  it('knows letters that look alike in both cases', () => {
    expect(caseAmbiguous('ứ')).toBe(true);
    expect(caseAmbiguous('Ơ')).toBe(true);
    expect(caseAmbiguous('đ')).toBe(false);
    expect(allCaseAmbiguous("CO'")).toBe(true);
    expect(allCaseAmbiguous('CÁC')).toBe(false);
  });
});
