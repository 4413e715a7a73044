import { Plan, planSectionIds } from '@sohoa/model';
import { describe, expect, it } from 'vitest';
import { parse } from './index.js';

// Plan layouts beyond the dev plans (issue: the parser on plans it has not seen). The texts are written for
// these tests, in the forms published plans use; none is copied from a document.

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const task = (plan: Plan, start: string) => {
  const found = plan.tasks.find((t) => t.text.startsWith(start));
  if (!found)
    throw new Error(`no task starting "${start}" in ${JSON.stringify(plan.tasks.map((t) => t.text))}`);
  return found;
};

describe('bullet groups closed by a responsibility line', () => {
  const plan = parse(
    lines(
      'KẾ HOẠCH',
      'Triển khai chuyển đổi số năm 2026',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Nâng cao hiệu quả quản lý nhà nước trên môi trường số.',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Hoàn thiện thể chế',
      '- Rà soát các quy định về quản lý dữ liệu của tỉnh.',
      '- Xây dựng quy chế chia sẻ dữ liệu giữa các sở, ngành.',
      'Đơn vị chủ trì: Sở Khoa học và Công nghệ; Đơn vị phối hợp: Sở Tư pháp, Văn phòng Ủy ban nhân dân tỉnh.',
      'Thời gian thực hiện: Quý II/2026.',
      '2. Đào tạo kỹ năng số',
      '- Tổ chức lớp bồi dưỡng kỹ năng số cho cán bộ, công chức.',
    ),
  );

  it('makes each bullet a task with the lead, coordinators and deadline of the line below', () => {
    for (const start of ['Rà soát', 'Xây dựng quy chế']) {
      const t = task(plan, start);
      expect(t.lead).toBe('Sở Khoa học và Công nghệ');
      expect(t.leadSource).toBe('inherited');
      expect(t.coordinators).toEqual(['Sở Tư pháp', 'Văn phòng Ủy ban nhân dân tỉnh']);
      expect(t.deadline).toMatchObject({ kind: 'within', iso: '2026-Q2' });
    }
    expect(plan.tasks.some((t) => t.text.startsWith('Hoàn thiện thể chế'))).toBe(false);
  });

  it('keeps actions nobody owns as tasks without a lead, and purposes out', () => {
    const t = task(plan, 'Tổ chức lớp bồi dưỡng');
    expect(t.lead).toBeNull();
    expect(t.leadSource).toBe('none');
    expect(plan.tasks.some((x) => x.text.startsWith('Nâng cao hiệu quả'))).toBe(false);
  });
});

describe('assignment items naming the body first', () => {
  const plan = parse(
    lines(
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Sở Tài chính: Bố trí kinh phí thực hiện Kế hoạch.',
      '2. Đối với Ủy ban nhân dân các huyện: Xây dựng kế hoạch triển khai tại địa phương trước ngày 30/6/2026.',
    ),
  );
  it('takes the body before the colon as the lead', () => {
    expect(task(plan, 'Sở Tài chính').lead).toBe('Sở Tài chính');
    const t = task(plan, 'Đối với');
    expect(t.lead).toBe('Ủy ban nhân dân các huyện');
    expect(t.deadline).toMatchObject({ kind: 'by', iso: '2026-06-30' });
  });
});

describe('a decision: articles, "Giao X" over its duties, the execution clause', () => {
  const plan = parse(
    lines(
      'QUYẾT ĐỊNH',
      'Về việc ban hành Kế hoạch năm học',
      'Căn cứ Luật Giáo dục năm 2019;',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành Kế hoạch thời gian năm học 2025-2026.',
      'Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo',
      '1. Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch thời gian năm học đúng quy định.',
      '2. Chủ trì, phối hợp với Ủy ban nhân dân các huyện hướng dẫn các trường thực hiện.',
      'Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.',
      'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giáo dục và Đào tạo chịu trách nhiệm thi hành Quyết định này./.',
    ),
  );
  it('gives the whole name of the body to the numbered duties', () => {
    for (const start of ['Tổ chức chỉ đạo', 'Chủ trì, phối hợp']) {
      expect(task(plan, start)).toMatchObject({
        lead: 'Giám đốc Sở Giáo dục và Đào tạo',
        leadSource: 'inherited',
      });
    }
    expect(task(plan, 'Chủ trì, phối hợp').coordinators).toEqual(['Ủy ban nhân dân các huyện']);
    expect(plan.tasks.some((t) => t.text.startsWith('Giao Giám đốc'))).toBe(false);
  });
  it('reads who executes the decision as a task', () => {
    expect(task(plan, 'Chánh Văn phòng').lead).toBe(
      'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Giáo dục và Đào tạo',
    );
  });
});

describe('a directive addressing a body in its opening', () => {
  const plan = parse(
    lines(
      'CHỈ THỊ',
      'Về tăng cường công tác đào tạo nghề',
      'Để làm tốt công tác đào tạo nghề, Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:',
      '1. Chỉ đạo các cấp đưa nội dung đào tạo nghề vào kế hoạch phát triển kinh tế - xã hội.',
      '2. Định kỳ hằng năm gửi báo cáo về Bộ Lao động - Thương binh và Xã hội.',
    ),
  );
  it('gives the addressed body to every item', () => {
    expect(plan.tasks).toHaveLength(2);
    for (const t of plan.tasks) {
      expect(t.lead).toBe('Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương');
      expect(t.leadSource).toBe('inherited');
    }
  });
});

const DECISION_WITH_PLAN = lines(
  'THỦ TƯỚNG CHÍNH PHỦ',
  'Số: 120/QĐ-TTg',
  'Hà Nội, ngày 10 tháng 3 năm 2026',
  'QUYẾT ĐỊNH',
  'Ban hành Kế hoạch hành động phát triển kinh tế số',
  'QUYẾT ĐỊNH:',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động phát triển kinh tế số.',
  'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.',
  'Nơi nhận:',
  '- Các bộ, cơ quan ngang bộ;',
  '- Lưu: VT.',
  'KT. THỦ TƯỚNG',
  'PHÓ THỦ TƯỚNG',
  'Nguyễn Văn An',
  '',
  'Ký bởi: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ',
  'Cơ quan: VĂN PHÒNG CHÍNH PHỦ',
  'Thời gian ký: 12.03.2026 08:15:34 +07:00',
  '',
  'THỦ TƯỚNG CHÍNH PHỦ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'KẾ HOẠCH HÀNH ĐỘNG',
  'Phát triển kinh tế số giai đoạn 2026 - 2030',
  '(Kèm theo Quyết định số 120/QĐ-TTg',
  'ngày 10 tháng 3 năm 2026 của Thủ tướng Chính phủ)',
  'I. MỤC TIÊU',
  'Tỷ trọng kinh tế số đạt 30% GDP vào năm 2030.',
  'II. NHIỆM VỤ CỤ THỂ',
  '1. Bộ Tài chính chủ trì, phối hợp với các bộ, ngành xây dựng cơ chế tài chính cho kinh tế số, hoàn thành',
  'trong quý IV/2026.',
  '2. Hoàn thiện hạ tầng thanh toán số trên phạm vi cả nước.',
);

describe('a decision that promulgates a plan', () => {
  const plan = parse(DECISION_WITH_PLAN);
  it('reads the attached plan as an appendix with its title, note and heading tree', () => {
    expect(plan.appendices).toHaveLength(1);
    const appendix = plan.appendices[0]!;
    expect(appendix.title).toBe('KẾ HOẠCH HÀNH ĐỘNG Phát triển kinh tế số giai đoạn 2026 - 2030');
    expect(appendix.note).toBe(
      '(Kèm theo Quyết định số 120/QĐ-TTg ngày 10 tháng 3 năm 2026 của Thủ tướng Chính phủ)',
    );
    expect(planSectionIds(plan)).toEqual(['D1', 'D2', 'PL1.I', 'PL1.II', 'PL1.II.1', 'PL1.II.2']);
  });
  it('extracts the attached plan’s tasks and targets as the plan’s own', () => {
    const first = task(plan, 'Bộ Tài chính chủ trì');
    expect(first).toMatchObject({ section: 'PL1.II.1', lead: 'Bộ Tài chính', leadSource: 'stated' });
    expect(first.deadline).toMatchObject({ kind: 'within', iso: '2026-Q4' });
    expect(task(plan, 'Hoàn thiện hạ tầng')).toMatchObject({ lead: null, leadSource: 'none' });
    expect(plan.targets.some((t) => t.text.includes('30%'))).toBe(true);
  });
  it('reports the signature stamp as page furniture, keeping its text', () => {
    expect(plan.signature?.name).toBe('Nguyễn Văn An');
    const stamps = plan.messages.filter((m) => m.reason === 'Digital signature stamp');
    expect(stamps.map((m) => m.text)).toEqual([
      'Ký bởi: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ',
      'Cơ quan: VĂN PHÒNG CHÍNH PHỦ',
      'Thời gian ký: 12.03.2026 08:15:34 +07:00',
    ]);
  });
  it('is a valid plan', () => {
    expect(Plan.safeParse(plan).success).toBe(true);
  });
});

describe('a web copy that runs the signer into the attached plan’s title', () => {
  const plan = parse(
    lines(
      'Điều 1.',
      'Ban hành kèm theo Quyết định này Kế hoạch triển khai công tác pháp chế năm 2026.',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- Lưu: VT.',
      'KT. BỘ TRƯỞNG THỨ TRƯỞNG Trần Văn Bình KẾ HOẠCH TRIỂN KHAI CÔNG TÁC PHÁP CHẾ NĂM 2026 (Ban hành kèm theo Quyết định số 15/QĐ-BTP)',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Nâng cao chất lượng công tác pháp chế.',
      'II. NỘI DUNG THỰC HIỆN',
      '1. Rà soát văn bản quy phạm pháp luật',
      '- Đơn vị chủ trì: Vụ Pháp chế.',
      '- Thời gian thực hiện: Quý III/2026.',
    ),
  );
  it('ends the closing at the plan and reads the plan with its title', () => {
    expect(plan.appendices[0]?.title).toBe('KẾ HOẠCH TRIỂN KHAI CÔNG TÁC PHÁP CHẾ NĂM 2026');
    expect(plan.appendices[0]?.note).toBe('(Ban hành kèm theo Quyết định số 15/QĐ-BTP)');
    expect(task(plan, 'Rà soát')).toMatchObject({ section: 'PL1.II.1', lead: 'Vụ Pháp chế' });
    expect(task(plan, 'Rà soát').deadline).toMatchObject({ kind: 'within', iso: '2026-Q3' });
  });
});

describe('a task table flattened one cell per line', () => {
  const plan = parse(
    lines(
      'KẾ HOẠCH',
      'Phát triển bảo hiểm y tế',
      'I. NHIỆM VỤ',
      'Các nhiệm vụ cụ thể tại Phụ lục kèm theo.',
      'Nơi nhận:',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Lê Văn Cường',
      '',
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ',
      'STT',
      'Tên nhiệm vụ',
      'Cơ quan',
      'chủ trì',
      'Cơ quan',
      'phối hợp',
      'Sản phẩm',
      'Thời gian',
      'hoàn thành',
      'I. Hoàn thiện thể chế',
      '1.',
      'Xây dựng quy định hỗ trợ mức đóng',
      'bảo hiểm y tế cho hộ cận nghèo.',
      'Sở Y tế',
      'Sở Tài chính, các',
      'cơ quan liên quan',
      'Nghị quyết của Hội đồng',
      'nhân dân tỉnh',
      'Quý III/2026',
      '2.',
      'Tổ chức tuyên truyền về bảo hiểm',
      'y tế hộ gia đình.',
      'Bảo hiểm xã hội',
      'tỉnh',
      'Ủy ban nhân dân',
      'các xã',
      'Các hoạt động',
      'truyền thông',
      'Thường xuyên',
    ),
  );
  const rows = plan.tasks.filter((t) => t.section.startsWith('PL1'));
  it('gives one task per row with its columns mapped', () => {
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      text: 'Xây dựng quy định hỗ trợ mức đóng bảo hiểm y tế cho hộ cận nghèo.',
      lead: 'Sở Y tế',
      leadSource: 'stated',
      coordinators: ['Sở Tài chính', 'các cơ quan liên quan'],
      product: 'Nghị quyết của Hội đồng nhân dân tỉnh',
      section: 'PL1.I',
    });
    expect(rows[0]!.deadline).toMatchObject({ kind: 'within', iso: '2026-Q3' });
    expect(rows[1]).toMatchObject({ lead: 'Bảo hiểm xã hội tỉnh', coordinators: ['Ủy ban nhân dân các xã'] });
    expect(rows[1]!.deadline).toMatchObject({ kind: 'relative', iso: null });
  });
  it('keeps the group row as a heading and the rows out of the heading tree', () => {
    expect(planSectionIds(plan)).toEqual(['I', 'PL1.I']);
  });
});

describe('heading forms', () => {
  const plan = parse(
    lines(
      'KẾ HOẠCH',
      'Thực hiện Chương trình hành động năm 2026',
      'Phần thứ nhất',
      'ĐÁNH GIÁ TÌNH HÌNH',
      'A. KẾT QUẢ ĐẠT ĐƯỢC',
      '',
      'Năm 2025, tỉnh đạt nhiều kết quả.',
      'B. HẠN CHẾ',
      'Còn một số hạn chế.',
      'Phần thứ hai',
      'NHIỆM VỤ NĂM 2026',
      'I.MỤC TIÊU',
      'Tăng trưởng kinh tế đạt 8%.',
      'II.NHIỆM VỤ, GIẢI PHÁP',
      '1.Tăng cường công tác quản lý đất đai.',
      '2. Đảng ủy Khối các cơ quan tỉnh chỉ đạo các chi bộ quán triệt Nghị quyết.',
      '3. Ban cán sự đảng Sở Y tế lãnh đạo triển khai tiêm chủng mở rộng.',
      '4. Các sở, ngành, địa phương tham mưu Ủy ban nhân dân tỉnh ban hành cơ chế hỗ trợ.',
    ),
  );
  it('reads parts in words, capital-letter parts and numbers glued to their headings', () => {
    expect(plan.summary).toBe('Thực hiện Chương trình hành động năm 2026');
    expect(planSectionIds(plan)).toEqual([
      'P1',
      'P1.A',
      'P1.B',
      'P2',
      'P2.I',
      'P2.II',
      'P2.II.1',
      'P2.II.2',
      'P2.II.3',
      'P2.II.4',
    ]);
    expect(plan.sections[1]!.heading).toBe('NHIỆM VỤ NĂM 2026');
    expect(plan.sections[1]!.children[0]).toMatchObject({ number: 'I.', heading: 'MỤC TIÊU' });
  });
  it('takes a body that is the subject of a directive verb as the lead, whole', () => {
    expect(task(plan, 'Đảng ủy Khối').lead).toBe('Đảng ủy Khối các cơ quan tỉnh');
    expect(task(plan, 'Ban cán sự').lead).toBe('Ban cán sự đảng Sở Y tế');
    expect(task(plan, 'Các sở, ngành').lead).toBe('Các sở, ngành, địa phương');
    expect(task(plan, 'Tăng cường công tác')).toMatchObject({ lead: null, section: 'P2.II.1' });
  });
});

describe('a task table with columns for other purposes', () => {
  const plan = parse(
    lines(
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Đơn vị phối hợp',
      '(Bộ/ngành/địa phương)',
      'Cấp phê duyệt',
      'Tiến độ',
      'thực hiện',
      '1',
      'Ban hành khung chương trình',
      'bồi dưỡng nhân lực quản lý',
      'Bộ Khoa học và',
      'Công nghệ',
      'Các bộ, ngành',
      'Thủ tướng Chính phủ',
      'Quý IV/2026',
    ),
  );
  it('keeps every column in line, an unknown purpose included', () => {
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]).toMatchObject({
      text: 'Ban hành khung chương trình bồi dưỡng nhân lực quản lý',
      lead: 'Bộ Khoa học và Công nghệ',
      coordinators: ['Các bộ, ngành'],
    });
    expect(plan.tasks[0]!.deadline).toMatchObject({ kind: 'within', iso: '2026-Q4' });
  });
});
