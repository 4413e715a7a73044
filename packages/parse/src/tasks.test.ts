import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';

const plan = (body: string) => parse(`KẾ HOẠCH\nThử nghiệm\n${body}`);
const brief = (text: string) =>
  parse(text).tasks.map((t) => ({
    section: t.section,
    text: t.text.slice(0, 30),
    lead: t.lead,
    deadline: t.deadline?.iso ?? null,
  }));

describe('tasks: a timing line closes the item it ends', () => {
  it('gives the deadline of "Thời gian hoàn tất:" to the paragraphs of its step', () => {
    const p = plan(
      [
        'II. NỘI DUNG',
        '2. Quy trình',
        '2.1. Bước 1: Rà soát',
        'Ủy ban nhân dân phường rà soát, lập danh sách hộ gia đình đủ điều kiện.',
        'Ủy ban nhân dân quận thẩm định danh sách. Sau khi thẩm định, Sở Xây dựng tổng hợp chung.',
        'Thời gian hoàn tất: trước ngày 30 tháng 6 năm 2014.',
        '2.2. Bước 2: Hỗ trợ',
        'Sở Tài chính cấp kinh phí cho các quận.',
        'Thời hạn: Quý III/2014.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => [t.section, t.lead, t.deadline?.kind, t.deadline?.iso])).toEqual([
      ['II.2.1', 'Ủy ban nhân dân phường', 'by', '2014-06-30'],
      ['II.2.1', 'Ủy ban nhân dân quận', 'by', '2014-06-30'],
      ['II.2.1', 'Sở Xây dựng', 'by', '2014-06-30'],
      ['II.2.2', 'Sở Tài chính', 'within', '2014-Q3'],
    ]);
  });

  it('gives a timing printed after the last sub-item of a step to the whole step', () => {
    const p = plan(
      [
        'II. NỘI DUNG',
        '1. Bước 1: Rà soát',
        'a) Ủy ban nhân dân phường lập danh sách hộ gia đình.',
        'b) Ủy ban nhân dân quận thẩm định danh sách.',
        'Thời gian hoàn tất: trước ngày 30 tháng 6 năm 2014.',
        '2. Bước 2: Hỗ trợ',
        'a) Sở Tài chính cấp kinh phí cho các quận.',
        'b) Ủy ban nhân dân quận chi trả cho hộ gia đình.',
        'Thời gian hoàn tất: trước ngày 30 tháng 9 năm 2014.',
        '3. Bước 3: Tổng kết',
        'Sở Xây dựng tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => [t.section, t.deadline?.iso ?? null])).toEqual([
      ['II.1.a', '2014-06-30'],
      ['II.1.b', '2014-06-30'],
      ['II.2.a', '2014-09-30'],
      ['II.2.b', '2014-09-30'],
      ['II.3', null],
    ]);
  });

  it('keeps a heading task with its attribute lines (chủ trì, phối hợp, thời gian)', () => {
    const p = plan(
      [
        'II. NHIỆM VỤ',
        '1. Vụ Pháp chế',
        'a) Tổ chức hội nghị tập huấn cho cán bộ làm công tác pháp chế',
        '- Đơn vị chủ trì: Vụ Phổ biến, giáo dục pháp luật.',
        '- Đơn vị phối hợp: Ủy ban Dân tộc, Bộ Tài chính, Cục Công tác phía Nam.',
        '- Thời gian thực hiện: Quý II, III/2015.',
      ].join('\n'),
    );
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]).toMatchObject({
      section: 'II.1.a',
      lead: 'Vụ Phổ biến, giáo dục pháp luật',
      coordinators: ['Ủy ban Dân tộc', 'Bộ Tài chính', 'Cục Công tác phía Nam'],
      deadline: { kind: 'range', iso: '2015-Q2', end: '2015-Q3' },
    });
  });

  it('gives a body heading to the timed items under it', () => {
    const p = plan(
      [
        'II. NHIỆM VỤ',
        '1. Vụ Pháp chế',
        'a) Rà soát các văn bản quy phạm pháp luật về công tác dân tộc',
        '- Thời gian thực hiện: Cả năm 2015.',
        'b) Tổng kết việc thực hiện',
        '- Thời gian thực hiện: Cuối năm 2015.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => [t.lead, t.deadline?.kind, t.deadline?.iso])).toEqual([
      ['Vụ Pháp chế', 'within', '2015'],
      ['Vụ Pháp chế', 'within', '2015'],
    ]);
  });
});

describe('tasks: an intro ending ":" gives its subject to the items below', () => {
  it('outside the implementation section too', () => {
    const p = plan(
      [
        'II. NHIỆM VỤ VÀ GIẢI PHÁP',
        'Các bộ, ngành, địa phương cần cụ thể hóa và tổ chức triển khai thực hiện các nhiệm vụ sau đây:',
        '1. Hoàn thiện thể chế',
        '- Rà soát, sửa đổi các văn bản hướng dẫn về bảo hiểm y tế.',
        '- Bộ Tài chính hướng dẫn cơ chế tài chính cho quỹ bảo hiểm y tế.',
        '2. Tăng cường truyền thông',
        '- Đổi mới nội dung, hình thức truyền thông về bảo hiểm y tế.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => [t.section, t.lead])).toEqual([
      ['II.1', 'Các bộ, ngành, địa phương'],
      ['II.1', 'Bộ Tài chính'],
      ['II.2', 'Các bộ, ngành, địa phương'],
    ]);
  });
});

describe('tasks: details of an enumerating intro', () => {
  it('keeps "- …, bao gồm:" with its "+" items as one task', () => {
    const p = plan(
      [
        'III. TỔ CHỨC THỰC HIỆN',
        '1. Ủy ban nhân dân phường',
        '- Lập hồ sơ đề nghị hỗ trợ, bao gồm:',
        '+ Đơn đề nghị của hộ gia đình;',
        '+ Biên bản xác minh hiện trạng nhà ở.',
        '- Niêm yết công khai danh sách tại trụ sở.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => t.text)).toEqual([
      'Lập hồ sơ đề nghị hỗ trợ, bao gồm:',
      'Niêm yết công khai danh sách tại trụ sở.',
    ]);
    expect(p.tasks.every((t) => t.lead === 'Ủy ban nhân dân phường')).toBe(true);
  });
});

describe('tasks: a new subject after a leading clause starts a new task', () => {
  it('splits "… . Sau khi kiểm tra, UBND xã …"', () => {
    const p = plan(
      [
        'III. TỔ CHỨC THỰC HIỆN',
        '1. Tổ kiểm tra của phường kiểm tra thực tế từng hộ. Sau khi kiểm tra, Ủy ban nhân dân phường lập danh sách gửi quận.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => t.lead)).toEqual(['Tổ kiểm tra của phường', 'Ủy ban nhân dân phường']);
  });
});

describe('tasks: a paragraph cut by a blank line is one task', () => {
  it('joins a part that continues the sentence', () => {
    const tasks = brief(
      [
        'KẾ HOẠCH',
        'Thử',
        '',
        'III. TỔ CHỨC THỰC HIỆN',
        '',
        'b) Ủy ban Mặt trận Tổ quốc phường phối hợp với Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh,',
        '',
        'Đoàn Thanh niên vận động nhân dân tham gia ủng hộ.',
      ].join('\n'),
    );
    expect(tasks).toHaveLength(1);
  });
});

describe('tasks: slogans', () => {
  it('an exclamation assigns nothing, even with a name as its subject', () => {
    const p = plan(
      [
        'III. TỔ CHỨC THỰC HIỆN',
        '1. Sở Y tế chủ trì kiểm tra.',
        'IV. KHẨU HIỆU',
        '1. Hội Nông dân Việt Nam vững mạnh!',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => t.section)).toEqual(['III.1']);
  });
});

describe('tasks: timing lines', () => {
  it('reads "Thời gian hoàn tất <what>:" and "Thời hạn <what>:", not the time of the event', () => {
    const p = plan(
      [
        'II. NỘI DUNG',
        '1. Bước 1',
        'Ủy ban nhân dân phường lập danh sách hộ gia đình.',
        'Thời gian hoàn tất việc lập danh sách: trước ngày 15/7/2014.',
        '2. Bước 2',
        'Ủy ban nhân dân quận thẩm định danh sách.',
        'Thời hạn nộp hồ sơ: trước ngày 30/7/2014.',
        '3. Bước 3',
        'Tổ kiểm tra làm việc tại cơ sở.',
        'Thời gian kiểm tra: ngày 05/8/2014.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => t.deadline?.iso ?? null)).toEqual(['2014-07-15', '2014-07-30', null]);
  });
});

describe('tasks: a timing that only recurs', () => {
  it('gives a recurrence, not a deadline', () => {
    const p = plan(
      [
        'II. NHIỆM VỤ',
        '1. Vụ Pháp chế',
        'a) Theo dõi, đôn đốc việc thực hiện chính sách',
        '- Thời gian thực hiện: Thường xuyên.',
        'b) Tổng hợp báo cáo',
        '- Thời gian thực hiện: Hằng năm.',
      ].join('\n'),
    );
    expect(p.tasks.map((t) => [t.deadline, t.recurrence?.kind])).toEqual([
      [null, 'continuous'],
      [null, 'annual'],
    ]);
  });
});
