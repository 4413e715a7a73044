import { beforeAll, describe, expect, it } from 'vitest';
import { repairAcronyms } from './acronyms.js';
import { correct } from './correct.js';
import { loadBundledLm } from './lm/bundled.node.js';
import type { SyllableLm } from './lm/index.js';
import { repairPunctuation } from './punctuation.js';

// Layout-level artefacts repaired from the document's own evidence. Sentences written for these tests.

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});

describe('list dashes', () => {
  const list =
    'Nhiệm vụ:\n- Rà soát quy định.\n- Xây dựng kế hoạch.\n~ Tổ chức tập huấn.\n- Báo cáo kết quả.\n_ Kiểm tra.';
  it('reads ~ and _ opening a line as the dash of the document’s lists', () => {
    expect(correct(list, { lm }).text).toBe(
      'Nhiệm vụ:\n- Rà soát quy định.\n- Xây dựng kế hoạch.\n- Tổ chức tập huấn.\n- Báo cáo kết quả.\n- Kiểm tra.',
    );
    const r = correct(list, { lm });
    expect(r.corrections.filter((c) => c.reason === 'punctuation').map((c) => c.original)).toEqual([
      '~',
      '_',
    ]);
  });
  it('keeps an author’s own list marks', () => {
    const own = '— Rà soát quy định.\n— Xây dựng kế hoạch.\n— Báo cáo kết quả.\n- Kiểm tra.';
    expect(repairPunctuation(own).filter((r) => r.replacement === '-')).toEqual([]);
  });
});

describe('acronyms', () => {
  const text =
    'Cơ quan BHXH tỉnh phối hợp. BHXH huyện báo cáo. Thu BHXH đúng hạn.\nBHXII tỉnh tổng hợp số liệu.';
  it('reads a lone variant as the acronym the document uses often', () => {
    expect(correct(text, { lm }).text).toBe(text.replace('BHXII', 'BHXH'));
    expect(repairAcronyms(text)).toMatchObject([{ raw: 'BHXII', replacement: 'BHXH', reason: 'acronym' }]);
  });
  it('leaves an acronym the document uses only once or twice, and document numbers', () => {
    expect(repairAcronyms('BHXH tỉnh. BHXH xã. BHXII huyện.')).toEqual([]);
    expect(repairAcronyms('UBND tỉnh, UBND huyện, UBND xã; Quyết định số 12/QĐ-UBNO.')).toEqual([]);
  });
});

describe('Roman heading numerals', () => {
  it('reads a repeated II. between II. and IV. as III. (a dropped I)', () => {
    const text = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Nội dung.',
      'II. NHIỆM VỤ',
      'Nội dung.',
      'II. TỔ CHỨC THỰC HIỆN',
      'Nội dung.',
      'IV. CHẾ ĐỘ BÁO CÁO',
    ].join('\n');
    expect(correct(text, { lm }).text).toBe(text.replace('II. TỔ CHỨC', 'III. TỔ CHỨC'));
  });
  it('leaves a repeated numeral the sequence does not settle', () => {
    const text = ['I. MỤC ĐÍCH', 'Nội dung.', 'II. NHIỆM VỤ', 'Nội dung.', 'II. TỔ CHỨC THỰC HIỆN'].join(
      '\n',
    );
    expect(correct(text, { lm }).text).toBe(text);
  });
});

describe('sentence and list item capitals', () => {
  it('capitalises a look-alike letter opening a list item where the document’s items start with capitals', () => {
    const text =
      'Nhiệm vụ:\n- Tăng cường lãnh đạo.\n- Đẩy mạnh tuyên truyền.\n- Nâng cao chất lượng.\n- ứng dụng công nghệ số.';
    expect(correct(text, { lm }).text).toBe(
      'Nhiệm vụ:\n- Tăng cường lãnh đạo.\n- Đẩy mạnh tuyên truyền.\n- Nâng cao chất lượng.\n- Ứng dụng công nghệ số.',
    );
  });

  it('keeps lower case items where the document writes its items in lower case', () => {
    const text =
      'Nhiệm vụ:\n- tăng cường lãnh đạo;\n- đẩy mạnh tuyên truyền;\n- nâng cao chất lượng;\n- ứng dụng công nghệ số.';
    expect(correct(text, { lm }).text).toBe(text);
  });

  it('capitalises a sentence start only where the document capitalises its sentences', () => {
    const capitals =
      'Tỉnh đã hoàn thành kế hoạch. Tiếp tục đầu tư hạ tầng. Nâng cao năng lực quản lý. ứng dụng khoa học vào sản xuất.';
    expect(correct(capitals, { lm }).text).toContain('quản lý. Ứng dụng');
    const lower =
      'tỉnh đã hoàn thành kế hoạch. tiếp tục đầu tư hạ tầng. nâng cao năng lực quản lý. ứng dụng khoa học vào sản xuất.';
    expect(correct(lower, { lm }).text).toBe(lower);
  });
});
