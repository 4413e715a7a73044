import { describe, expect, it } from 'vitest';
import { repairHeadings } from './headings.js';

const repaired = (text: string) => repairHeadings(text).map((r) => [r.raw, r.replacement]);

describe('repairHeadings', () => {
  it('reads look-alikes of the next Roman numeral in the document style', () => {
    expect(repaired('I- MỤC TIÊU\nNội dung.\nIU NHIỆM VỤ\nNội dung.\nlll- GIẢI PHÁP\n')).toEqual([
      ['IU', 'II-'],
      ['lll-', 'III-'],
    ]);
    expect(repaired('I. MỤC TIÊU\nNội dung.\nIl NHIỆM VỤ\n')).toEqual([['Il', 'II.']]);
    // The second I and its separator run together into U, whichever separator the document uses.
    expect(repaired('I. QUAN ĐIỂM\nNội dung.\nIU GIẢI PHÁP\n')).toEqual([['IU', 'II.']]);
  });

  it('reads look-alikes of the next Arabic number and sub-number', () => {
    expect(
      repaired('II- NHIỆM VỤ\nL Nhiệm vụ chung\nNội dung.\n2. Nhiệm vụ cụ thể\n2. l Về kinh tế\n'),
    ).toEqual([
      ['L', '1.'],
      ['2. l', '2.1.'],
    ]);
  });

  it('leaves lines that are not out of sequence or not headings', () => {
    expect(
      repaired('I- MỤC TIÊU\nII- NHIỆM VỤ\n1. Nhiệm vụ chung\nLào Cai là tỉnh biên giới.\nI MỘT\n'),
    ).toEqual([]);
    // No numbered heading before it: a lone "L" starting a line is not taken for 1.
    expect(repaired('L Mục tiêu\n')).toEqual([]);
  });
});
