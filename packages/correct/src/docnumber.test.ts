import { describe, expect, it } from 'vitest';
import { repairDocumentNumbers } from './docnumber.js';

const repaired = (text: string) => repairDocumentNumbers(text).map((r) => [r.raw, r.replacement]);

describe('repairDocumentNumbers', () => {
  it('repairs codes one OCR confusion away from a single known code', () => {
    expect(repaired('Nghị quyết số 45-NQ/7W ngày 12/3/2024')).toEqual([['45-NQ/7W', '45-NQ/TW']]);
    expect(repaired('Quyết định số 15/QD-UBND')).toEqual([['15/QD-UBND', '15/QĐ-UBND']]);
    expect(repaired('Quyết định 1671/QĐ-TTG')).toEqual([['1671/QĐ-TTG', '1671/QĐ-TTg']]);
    expect(repaired('Thông tư 12/2O21/TT-BTC')).toEqual([['12/2O21/TT-BTC', '12/2021/TT-BTC']]);
    expect(repaired('Chương trình 05-CTR/TU')).toEqual([['05-CTR/TU', '05-CTr/TU']]);
  });

  it('leaves valid numbers, unknown but plausible codes and plain fractions alone', () => {
    expect(repaired('Số 36-NQ/TW, 189/NQ-CP, 30/2020/NĐ-CP, /KH-SCT, 134/KH-SNNPTNT, 63/2025/QH15')).toEqual(
      [],
    );
    expect(repaired('tỷ lệ 1/2, ngày 30/01/2023, 3/4 số hộ')).toEqual([]);
  });

  it('offers, without deciding, codes with several equally near repairs', () => {
    // 0 may be Q (QU, Quận ủy) or Đ (ĐU, Đảng ủy): a suggestion, not a repair.
    const [r] = repairDocumentNumbers('Kế hoạch 12/KH-0U');
    expect(r!.confidence).toBeLessThan(0.5);
    expect([r!.replacement, ...r!.alternatives].sort()).toEqual(['12/KH-QU', '12/KH-ĐU'].sort());
    expect(repaired('Kế hoạch 12/KH-1U')).toEqual([['12/KH-1U', '12/KH-TU']]);
  });
});

describe('repairDocumentNumbers: issuer codes are an open set', () => {
  it('leaves a well-formed number with codes a local body coined as printed (02/GĐN-ĐD)', () => {
    expect(repaired('Công văn số 02/GĐN-ĐD ngày 5/3/2024')).toEqual([]);
    expect(repaired('Số 14-KH/ĐUK, 07/BC-BQLDA, 3/TB-HĐTĐ')).toEqual([]);
  });

  it('repairs only what no code can be: a digit before a letter, a bar, a vowel mark', () => {
    expect(repaired('Số 02/GĐN-Đ0')).toEqual([]); // no known code near: kept
    expect(repaired('Số 15/KH-ƯBND')).toEqual([['15/KH-ƯBND', '15/KH-UBND']]);
    expect(repaired('Số 15/KH-UBN|D')).toEqual([]);
    expect(repaired('Nghị quyết số 63/2025/QH15')).toEqual([]);
  });
});
