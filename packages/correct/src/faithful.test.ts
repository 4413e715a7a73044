import { beforeAll, describe, expect, it } from 'vitest';
import { correct, typedWithoutDiacritics } from './correct.js';
import { loadBundledLm } from './lm/bundled.node.js';
import type { SyllableLm } from './lm/index.js';

// Clean text stays as printed: names, footnote marks, capitals of a capital line, lettered parts, quotes,
// real words the context backs as read, text typed without marks. Sentences written for these tests.

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});
const fix = (text: string) => correct(text, { lm }).text;

describe('correct: faithful to clean text', () => {
  it('keeps a real word inside a proper name', () => {
    const text = 'Di tích Nhà lao Vạn Giã được công nhận năm 2020.';
    expect(fix(text)).toBe(text);
    const r = correct(text, { lm });
    for (const c of r.corrections.filter((x) => x.original === 'Giã')) expect(c.applied).toBe(false);
  });

  it('still repairs a misread name that is no word at all', () => {
    expect(fix('Ủy ban nhân dân tỉnh Lào Cal ban hành kế hoạch.')).toContain('Lào Cai');
  });

  it('keeps a footnote mark printed after a word', () => {
    const text = 'Quản lý vật liệu nổ công nghiệp, tiền chất thuốc nổ2 theo quy định.';
    expect(fix(text)).toBe(text);
  });

  it('leaves the case of a document number in a line set in capitals', () => {
    const text = 'THEO QUYẾT ĐỊNH SỐ 40/2011/QĐ-TTG NGÀY 27 THÁNG 7 NĂM 2011\nVăn bản số 40/2011/QĐ-TTG.';
    const out = fix(text);
    expect(out.split('\n')[0]).toBe('THEO QUYẾT ĐỊNH SỐ 40/2011/QĐ-TTG NGÀY 27 THÁNG 7 NĂM 2011');
    expect(out.split('\n')[1]).toBe('Văn bản số 40/2011/QĐ-TTg.');
  });

  it('reads a capital letter opening a line as a lettered part when the text has A. and B. parts', () => {
    const text = [
      '1. Phạm vi',
      '2. Đối tượng',
      '3. Nguyên tắc',
      'A. CẮT GIẢM THỦ TỤC',
      'B. PHÂN CẤP THỦ TỤC',
    ].join('\n');
    expect(fix(text)).toBe(text);
  });

  it('keeps quotation marks that pair on their line, spaced or not', () => {
    const text = 'Ghi rõ “ người ứng cử đại biểu khóa ” hoặc “ đại biểu cấp xã ” vào phiếu.';
    expect(fix(text)).toBe(text);
  });

  it('keeps a real word its neighbours back at least as strongly as the change', () => {
    const text = 'Số liệu quy đổi cả năm không khớp với sản lượng báo cáo.';
    expect(fix(text)).toBe(text);
  });

  it('keeps the case of each word when it splits two words run together', () => {
    const out = fix('Giao nhiệm vụQuân sự tỉnh chủ trì thực hiện.');
    expect(out).toContain('vụ Quân sự');
  });

  it('leaves text typed without diacritics as it is', () => {
    const text =
      'Cac co quan chuc nang cua tinh can phoi hop chat che de thuc hien ke hoach nay, bao cao ket qua ve So Cong Thuong truoc ngay 30 hang thang va de xuat cac giai phap can thiet de xu ly vuong mac cơ so.';
    expect(typedWithoutDiacritics(text)).toBe(true);
    expect(correct(text, { lm }).corrections).toEqual([]);
    expect(
      typedWithoutDiacritics('Các cơ quan chức năng của tỉnh phối hợp chặt chẽ để thực hiện kế hoạch này.'),
    ).toBe(false);
  });
});
