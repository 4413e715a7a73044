import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  Deadline,
  DOC_TYPES,
  DocTypeCode,
  IsoPeriod,
  normalizeForMatch,
  PartialDate,
  Plan,
  type PlanSection,
  type PlanTask,
  planJsonSchema,
  planSectionIds,
  referenceKey,
  sectionKey,
} from './plan.js';

/** A small plan in the shape of a provincial Party plan implementing 36-NQ/TW. */
function samplePlan(): Plan {
  return {
    type: 'plan',
    source: 'sample.txt',
    docType: { code: 'ke-hoach', label: 'KẾ HOẠCH' },
    regime: 'party',
    issuer: { chain: ['ĐẢNG BỘ TỈNH BẮC GIANG', 'TỈNH ỦY'], name: 'TỈNH ỦY' },
    number: { raw: '45-KH/TU', number: '45', year: null, symbol: 'KH/TU', type: 'KH', issuers: ['TU'] },
    place: 'Bắc Giang',
    date: { raw: 'ngày 15 tháng 3 năm 2024', iso: '2024-03-15' },
    title: 'KẾ HOẠCH',
    summary: 'triển khai thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị',
    preamble: ['Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị …'],
    sections: [
      {
        id: 'II',
        number: 'II-',
        kind: 'roman',
        heading: 'MỤC TIÊU',
        paragraphs: [],
        line: 10,
        children: [
          {
            id: 'II.2',
            number: '2.',
            kind: 'arabic',
            heading: 'Mục tiêu cụ thể',
            paragraphs: [],
            children: [
              {
                id: 'II.2.1',
                number: '2.1.',
                kind: 'decimal',
                heading: 'Đến năm 2030:',
                paragraphs: ['Công nghiệp sinh học đóng góp từ 10% trở lên vào tăng trưởng GRDP của tỉnh.'],
                children: [],
              },
            ],
          },
        ],
      },
      {
        id: 'IV',
        number: 'IV-',
        kind: 'roman',
        heading: 'TỔ CHỨC THỰC HIỆN',
        paragraphs: [],
        children: [
          {
            id: 'IV.1',
            number: '1.',
            kind: 'arabic',
            heading: 'Sở Khoa học và Công nghệ',
            paragraphs: [
              '- Chủ trì, phối hợp với Sở Tài chính xây dựng cơ chế, chính sách, hoàn thành trong quý I/2024.',
              '- Định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.',
            ],
            children: [],
          },
        ],
      },
    ],
    closing: ['Trên đây là Kế hoạch …'],
    references: [
      {
        docType: { code: 'nghi-quyet', label: 'Nghị quyết' },
        number: { raw: '36-NQ/TW', number: '36', year: null, symbol: 'NQ/TW', type: 'NQ', issuers: ['TW'] },
        date: { raw: '30/01/2023', iso: '2023-01-30' },
        issuer: 'Bộ Chính trị',
        name: null,
        text: 'Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị',
        section: 'summary',
      },
    ],
    implements: [0],
    targets: [
      {
        text: 'Công nghiệp sinh học đóng góp từ 10% trở lên vào tăng trưởng GRDP của tỉnh.',
        horizon: 2030,
        metric: 'đóng góp của công nghiệp sinh học vào tăng trưởng GRDP của tỉnh',
        comparator: '>=',
        value: 10,
        unit: '%',
        section: 'II.2.1',
      },
    ],
    tasks: [
      {
        text: 'Chủ trì, phối hợp với Sở Tài chính xây dựng cơ chế, chính sách, hoàn thành trong quý I/2024.',
        lead: 'Sở Khoa học và Công nghệ',
        coordinators: ['Sở Tài chính'],
        deadline: { raw: 'trong quý I/2024', kind: 'within', iso: '2024-Q1', end: null },
        recurrence: null,
        section: 'IV.1',
      },
      {
        text: 'Định kỳ 6 tháng báo cáo Ban Thường vụ Tỉnh ủy.',
        lead: 'Sở Khoa học và Công nghệ',
        coordinators: [],
        deadline: null,
        recurrence: { raw: 'Định kỳ 6 tháng', kind: 'semiannual' },
        section: 'IV.1',
      },
    ],
    recipients: [
      { name: 'Ban Bí thư Trung ương Đảng', marker: 'để b/c', purpose: 'report' },
      { name: 'VT', marker: null, purpose: 'archive' },
    ],
    signature: {
      authority: [{ prefix: 'TM', of: 'BAN THƯỜNG VỤ' }],
      title: 'PHÓ BÍ THƯ',
      name: 'Nguyễn Văn A',
      lines: ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn A'],
    },
    appendices: [],
    footnotes: [],
    messages: [{ ruleId: 'unplaced-text', reason: 'line outside any section', line: 3, text: '*' }],
  };
}

describe('Plan', () => {
  it('accepts a complete plan and returns it unchanged', () => {
    const plan = samplePlan();
    expect(Plan.parse(plan)).toEqual(plan);
  });

  it('accepts an unsigned draft: blank number, partial date, no signature, no header', () => {
    const plan = samplePlan();
    plan.number = {
      raw: '/KH-SCT',
      number: null,
      year: null,
      symbol: 'KH-SCT',
      type: 'KH',
      issuers: ['SCT'],
    };
    plan.date = { raw: 'ngày tháng 4 năm 2026', iso: '2026-04' };
    plan.signature = null;
    plan.issuer = { chain: [], name: null };
    expect(Plan.safeParse(plan).success).toBe(true);
    plan.date = { raw: 'ngày tháng năm', iso: null };
    expect(Plan.safeParse(plan).success).toBe(true);
    plan.date = null;
    plan.number = null;
    expect(Plan.safeParse(plan).success).toBe(true);
  });

  it('accepts legal-normative numbers with a year', () => {
    const plan = samplePlan();
    plan.references.push({
      docType: { code: 'nghi-dinh', label: 'Nghị định' },
      number: {
        raw: '30/2020/NĐ-CP',
        number: '30',
        year: 2020,
        symbol: 'NĐ-CP',
        type: 'NĐ',
        issuers: ['CP'],
      },
      date: null,
      issuer: 'Chính phủ',
      name: null,
      text: 'Nghị định số 30/2020/NĐ-CP',
      section: 'preamble',
    });
    expect(Plan.safeParse(plan).success).toBe(true);
  });

  it('rejects a plan without its type tag or with an unknown regime', () => {
    const plan = samplePlan() as unknown as Record<string, unknown>;
    expect(Plan.safeParse({ ...plan, type: 'ocr-document' }).success).toBe(false);
    expect(Plan.safeParse({ ...plan, regime: 'church' }).success).toBe(false);
    const { tasks: _tasks, ...withoutTasks } = plan;
    expect(Plan.safeParse(withoutTasks).success).toBe(false);
  });

  it('rejects impossible dates and malformed ISO strings', () => {
    const plan = samplePlan();
    plan.date = { raw: 'ngày 30 tháng 2 năm 2024', iso: '2024-02-30' };
    expect(Plan.safeParse(plan).success).toBe(false);
    plan.date = { raw: '15/13/2024', iso: '2024-13-15' };
    expect(Plan.safeParse(plan).success).toBe(false);
    plan.date = { raw: '15/3/2024', iso: '15/03/2024' };
    expect(Plan.safeParse(plan).success).toBe(false);
  });

  it('rejects tasks, targets and references pointing to no section', () => {
    const plan = samplePlan();
    plan.tasks[0]!.section = 'IV.9';
    const result = Plan.safeParse(plan);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['tasks', 0, 'section']);
    const other = samplePlan();
    other.references[0]!.section = 'fn1';
    expect(Plan.safeParse(other).success).toBe(false);
    other.footnotes.push({ mark: '1', text: 'Chỉ thị số 46-CT/TW …' });
    expect(Plan.safeParse(other).success).toBe(true);
  });

  it('rejects duplicate section ids and implements out of range', () => {
    const plan = samplePlan();
    plan.sections[1]!.id = 'II';
    expect(Plan.safeParse(plan).success).toBe(false);
    const other = samplePlan();
    other.implements = [1];
    expect(Plan.safeParse(other).success).toBe(false);
  });

  it('rejects a task without coordinators array or with a bad lead', () => {
    const plan = samplePlan() as unknown as { tasks: Record<string, unknown>[] };
    plan.tasks[0] = { ...plan.tasks[0], coordinators: 'Sở Tài chính' };
    expect(Plan.safeParse(plan).success).toBe(false);
    plan.tasks[0] = { ...plan.tasks[0], coordinators: [], lead: '' };
    expect(Plan.safeParse(plan).success).toBe(false);
  });

  it('accepts appendices whose sections and tasks are located inside them', () => {
    const plan = samplePlan();
    plan.appendices.push({
      id: 'PL1',
      title: 'PHÂN CÔNG NHIỆM VỤ',
      note: '(Kèm theo Kế hoạch số 45-KH/TU)',
      paragraphs: ['TT', 'Nhiệm vụ thực hiện'],
      sections: [{ id: 'PL1.I', number: 'I.', kind: 'roman', heading: 'X', paragraphs: [], children: [] }],
    });
    plan.tasks.push({ ...plan.tasks[0]!, section: 'PL1' }, { ...plan.tasks[0]!, section: 'PL1.I' });
    expect(Plan.safeParse(plan).success).toBe(true);
    expect(planSectionIds(plan)).toEqual(['II', 'II.2', 'II.2.1', 'IV', 'IV.1', 'PL1.I']);
  });
});

describe('dates and deadlines', () => {
  it('takes year, month, day, time, quarter and half-year precision', () => {
    for (const iso of ['2026', '2026-04', '2026-04-29', '2026-04-29T13:30', '2026-Q4', '2026-H1']) {
      expect(IsoPeriod.safeParse(iso).success, iso).toBe(true);
    }
    for (const iso of ['2026-Q5', '2026-4', '2026-04-31', '26-04-2026', '2026-04-29T25:00']) {
      expect(IsoPeriod.safeParse(iso).success, iso).toBe(false);
    }
  });

  it('keeps partial dates to calendar precision', () => {
    expect(PartialDate.safeParse({ raw: 'ngày tháng 4 năm 2026', iso: '2026-04' }).success).toBe(true);
    expect(PartialDate.safeParse({ raw: 'quý IV/2026', iso: '2026-Q4' }).success).toBe(false);
    expect(PartialDate.safeParse({ raw: '', iso: null }).success).toBe(false);
  });

  it('describes ranges with a start and an end', () => {
    const range = {
      raw: 'từ ngày 01/12/2025 đến ngày 14/12/2025',
      kind: 'range',
      iso: '2025-12-01',
      end: '2025-12-14',
    };
    expect(Deadline.parse(range)).toEqual(range);
    expect(Deadline.safeParse({ ...range, kind: 'soon' }).success).toBe(false);
  });
});

describe('helpers', () => {
  it('derives section keys from printed numbers', () => {
    expect(sectionKey('III-', 'roman')).toBe('III');
    expect(sectionKey('I.', 'roman')).toBe('I');
    expect(sectionKey('3.', 'arabic')).toBe('3');
    expect(sectionKey('3.1.', 'decimal')).toBe('1');
    expect(sectionKey('2.1.3', 'decimal')).toBe('3');
    expect(sectionKey('a)', 'letter')).toBe('a');
    expect(sectionKey('B.', 'letter')).toBe('b');
    expect(sectionKey('Chương II', 'chapter')).toBe('CII');
    expect(sectionKey('Mục 1', 'section')).toBe('M1');
    expect(sectionKey('Điều 5.', 'article')).toBe('D5');
  });

  it('normalises text for matching', () => {
    expect(normalizeForMatch('- Sở Công Thương  chủ trì,\nphối hợp.')).toBe(
      'sở công thương chủ trì phối hợp',
    );
    expect(normalizeForMatch('Đạt 100% (KCN)')).toBe('đạt 100% kcn');
    // NFD input compares equal to NFC input.
    expect(normalizeForMatch('Kế hoạch'.normalize('NFD'))).toBe('kế hoạch');
  });

  it('keys references by number, else by name', () => {
    const number = {
      raw: '46 - CT/TW',
      number: '46',
      year: null,
      symbol: 'CT/TW',
      type: 'CT',
      issuers: ['TW'],
    };
    expect(referenceKey({ number, name: null, text: 'Chỉ thị số 46 - CT/TW' })).toBe('46-CT/TW');
    expect(referenceKey({ number: null, name: 'Luật Đầu tư công', text: 'Luật Đầu tư công' })).toBe(
      'luật đầu tư công',
    );
  });

  it('names every document type', () => {
    for (const code of DocTypeCode.options) expect(DOC_TYPES[code].name.length).toBeGreaterThan(0);
  });

  it('infers the hand-written recursive section type', () => {
    expectTypeOf<z.infer<typeof PlanSection>>().toEqualTypeOf<PlanSection>();
    expectTypeOf<Plan['sections'][number]['children'][number]['children']>().toEqualTypeOf<PlanSection[]>();
    expectTypeOf<Plan['tasks'][number]>().toEqualTypeOf<PlanTask>();
  });

  it('types the recursive section tree', () => {
    const node: PlanSection = {
      id: 'I',
      number: 'I.',
      kind: 'roman',
      heading: 'A',
      paragraphs: [],
      children: [],
    };
    node.children.push({ ...node, id: 'I.1', number: '1.', kind: 'arabic', children: [] });
    expect(node.children[0]?.id).toBe('I.1');
  });
});

describe('planJsonSchema', () => {
  it('generates a JSON Schema with the main properties', () => {
    const schema = planJsonSchema() as {
      $schema: string;
      properties: Record<string, unknown>;
      required: string[];
      $defs: Record<string, { properties: Record<string, unknown> }>;
    };
    expect(schema.$schema).toContain('2020-12');
    for (const key of [
      'docType',
      'regime',
      'issuer',
      'number',
      'date',
      'title',
      'summary',
      'preamble',
      'sections',
      'references',
      'implements',
      'targets',
      'tasks',
      'recipients',
      'signature',
      'messages',
    ]) {
      expect(schema.properties, key).toHaveProperty(key);
      expect(schema.required).toContain(key);
    }
    expect(Object.keys(schema.$defs)).toEqual(['PlanSection']);
    expect(Object.keys(schema.$defs.PlanSection!.properties)).toEqual(
      expect.arrayContaining(['id', 'number', 'kind', 'heading', 'paragraphs', 'children']),
    );
    const text = JSON.stringify(schema);
    expect(text).not.toContain('__schema');
    expect(text).toContain('"coordinators"');
    expect(text).toContain('"deadline"');
    expect(text).toContain('"recurrence"');
  });

  it('is plain JSON', () => {
    const schema = planJsonSchema();
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
