import { beforeAll, describe, expect, it } from 'vitest';
import { correct } from './correct.js';
import { loadBundledLm } from './lm/bundled.node.js';
import type { SyllableLm } from './lm/index.js';
import { findNames } from './names.js';

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});

const names = (text: string) => findNames(text).map((s) => text.slice(s.start, s.end));

// Made-up names and sentences: the rules must work on any name, none is listed anywhere.
describe('findNames', () => {
  it('finds names after forms of address', () => {
    expect(names('Giao bà Lê Thị Thúy phụ trách; đồng chí Hà Văn Tũn và đ/c Mạc Thị Ngà dự.')).toEqual([
      'Lê Thị Thúy',
      'Hà Văn Tũn',
      'Mạc Thị Ngà',
    ]);
    expect(names('Ông/Bà Trịnh Quốc Ẩn có mặt.')).toEqual(['Trịnh Quốc Ẩn']);
  });

  it('finds names after office titles, not the bodies those titles head', () => {
    expect(names('Phó Chủ tịch Vũ Thị Thúy, Giám đốc Sở Tài chính và Bí thư Hoàng Văn Sửu.')).toEqual([
      'Vũ Thị Thúy',
      'Hoàng Văn Sửu',
    ]);
  });

  it('finds the name lines of a signature block and the closing name of a document', () => {
    const text = 'Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nĐinh Thị Thúy\n';
    expect(names(text)).toEqual(['Đinh Thị Thúy']);
    expect(names('T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNGÔ VĂN HỶ\n\nNội dung tiếp theo')).toEqual(['NGÔ VĂN HỶ']);
    expect(names('Thực hiện nghiêm túc.\n\nLã Văn Bẩy')).toEqual(['Lã Văn Bẩy']);
  });

  it('finds nothing in ordinary sentences and headings', () => {
    expect(names('Ủy ban nhân dân tỉnh Hà Giang giao Sở Kế hoạch và Đầu tư.\nI. MỤC TIÊU\n')).toEqual([]);
  });
});

describe('correct: names stay as printed', () => {
  it.each([
    'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Thị Thúy',
    'Đồng chí Nguyễn Thị Thúy, Phó Chủ tịch UBND tỉnh.',
    'Bà Lê Thị Thúy phụ trách.',
    'Giao Phó Chủ tịch Nguyễn Thị Thúy chỉ đạo.',
  ])('%j', (text) => {
    const r = correct(text, { lm });
    expect(r.text).toBe(text);
    expect(r.corrections.filter((c) => c.applied)).toEqual([]);
  });

  it('in the tone style the author used, whatever the document style', () => {
    const text = 'Hoà bình, thuỷ lợi và hoà nhập.\nĐồng chí Lò Văn Thủy, Bí thư.';
    expect(correct(text, { lm }).text).toBe(text);
  });

  it('still corrects the words around a name', () => {
    expect(correct('Bà Lê Thị Thúy kiếm tra công tác.', { lm }).text).toBe(
      'Bà Lê Thị Thúy kiểm tra công tác.',
    );
  });
});
