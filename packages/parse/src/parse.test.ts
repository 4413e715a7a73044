import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type OcrDocument, Plan } from '@sohoa/model';
import type { Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as mdastText } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { ParseError, parse, planToMarkdown, sohoaParse, sohoaPlan } from './index.js';
import { lostLines } from './test-support.js';

// The eight dev plans, copied from ../shared/dev/plans into the fixtures.
const plansDir = fileURLToPath(new URL('../../../fixtures/texts/plans/', import.meta.url));

const STATE = `UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc
Số: 15/KH-SCT Lào Cai, ngày 01 tháng 02 năm 2024
KẾ HOẠCH
Kiểm tra an toàn hóa chất năm 2024

Căn cứ Nghị định số 113/2017/NĐ-CP ngày 09/10/2017 của Chính phủ;
I. MỤC ĐÍCH
Bảo đảm an toàn.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Kỹ thuật an toàn
- Chủ trì, phối hợp với Công an tỉnh, Sở Y tế kiểm tra các cơ sở, xong trong tháng 02/2024.
- Tổng hợp báo cáo trước ngày 15/3/2024.
2. Giao Văn phòng Sở bố trí kinh phí, hoàn thành trong quý I/2024.
3. UBND các huyện có trách nhiệm báo cáo định kỳ 6 tháng.
Trên đây là Kế hoạch của Sở Công Thương./.
Nơi nhận:
- UBND tỉnh (để b/c);
- Lưu: VT, KTAT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn An
`;

const PARTY = `ĐẢNG BỘ TỈNH BẮC GIANG ĐẢNG CỘNG SẢN VIỆT NAM
TỈNH ỦY
*
Số 125-KH/TU Bắc Giang, ngày 15 tháng 3 năm 2024
KẾ HOẠCH
thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị
Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:
I- MỤC TIÊU
Công nghiệp sinh học đóng góp từ 10% trở lên vào tăng trưởng GRDP của tỉnh đến năm 2030.
IL- TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Khoa học và Công nghệ tuyên truyền Nghị quyết hằng năm.
2. Các huyện ủy, thành ủy xây dựng chương trình hành động xong trước ngày 30/6/2024.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Lê Thị Thu Hồng
`;

describe('parse: a State plan with a flattened two-column header', () => {
  const plan = parse(STATE, { source: 'state.txt' });

  it('reads the header from flattened columns', () => {
    expect(plan.regime).toBe('state');
    expect(plan.issuer).toEqual({ chain: ['UBND TỈNH LÀO CAI', 'SỞ CÔNG THƯƠNG'], name: 'SỞ CÔNG THƯƠNG' });
    expect(plan.number?.raw).toBe('15/KH-SCT');
    expect(plan.place).toBe('Lào Cai');
    expect(plan.date?.iso).toBe('2024-02-01');
    expect(plan.docType.code).toBe('ke-hoach');
    expect(plan.summary).toBe('Kiểm tra an toàn hóa chất năm 2024');
  });

  it('builds the heading tree and the tasks of the implementation section', () => {
    expect(plan.sections.map((s) => s.id)).toEqual(['I', 'II']);
    expect(plan.sections[1]!.children.map((s) => s.id)).toEqual(['II.1', 'II.2', 'II.3']);
    const [check, report, budget, districts] = plan.tasks;
    expect(check).toMatchObject({
      lead: 'Phòng Kỹ thuật an toàn',
      coordinators: ['Công an tỉnh', 'Sở Y tế'],
      section: 'II.1',
    });
    expect(check!.deadline).toMatchObject({ kind: 'within', iso: '2024-02' });
    expect(report!.deadline).toMatchObject({ kind: 'by', iso: '2024-03-15' });
    expect(budget).toMatchObject({ lead: 'Văn phòng Sở', deadline: { kind: 'within', iso: '2024-Q1' } });
    expect(districts).toMatchObject({ lead: 'UBND các huyện', recurrence: { kind: 'semiannual' } });
  });

  it('reads references, recipients and signature', () => {
    expect(plan.references.map((r) => r.number?.raw)).toEqual(['113/2017/NĐ-CP']);
    expect(plan.recipients).toEqual([
      { name: 'UBND tỉnh', marker: 'để b/c', purpose: 'report' },
      { name: 'VT, KTAT', marker: null, purpose: 'archive' },
    ]);
    expect(plan.signature).toMatchObject({
      authority: [{ prefix: 'KT', of: 'GIÁM ĐỐC' }],
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Nguyễn Văn An',
    });
    expect(plan.closing).toEqual(['Trên đây là Kế hoạch của Sở Công Thương./.']);
  });
});

describe('parse: a Party plan', () => {
  const plan = parse(PARTY);

  it('knows the Party rules and what the plan implements', () => {
    expect(plan.regime).toBe('party');
    expect(plan.number).toMatchObject({ raw: '125-KH/TU', number: '125', type: 'KH', issuers: ['TU'] });
    expect(plan.references[plan.implements[0]!]?.number?.raw).toBe('36-NQ/TW');
    expect(plan.signature?.authority).toEqual([{ prefix: 'TM', of: 'BAN THƯỜNG VỤ' }]);
  });

  it('repairs a stray mark on a Roman numeral and reports it', () => {
    expect(plan.sections.map((s) => `${s.id} ${s.number}`)).toEqual(['I I-', 'II II-']);
    expect(plan.messages.some((m) => m.ruleId === 'number-repaired')).toBe(true);
  });

  it('finds targets and tasks with leads, coordinators and deadlines', () => {
    expect(plan.targets[0]).toMatchObject({ comparator: '>=', value: 10, unit: '%', horizon: 2030 });
    expect(plan.tasks.map((t) => t.lead)).toEqual(['Ban Tuyên giáo Tỉnh ủy', 'Các huyện ủy, thành ủy']);
    expect(plan.tasks[0]!.coordinators).toEqual(['Sở Khoa học và Công nghệ']);
    expect(plan.tasks[0]!.recurrence?.kind).toBe('annual');
    expect(plan.tasks[1]!.deadline).toMatchObject({ kind: 'by', iso: '2024-06-30' });
  });
});

describe('parse: unsigned drafts and noisy text', () => {
  it('keeps a blank number and a partial date', () => {
    const plan = parse(
      'UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: /KH-SCT\nLào Cai, ngày  tháng 4 năm 2026\nKẾ HOẠCH\nKiểm tra\nI. NỘI DUNG\nKiểm tra.\n',
    );
    expect(plan.number).toMatchObject({ raw: '/KH-SCT', number: null, type: 'KH' });
    expect(plan.date).toEqual({ raw: 'ngày tháng 4 năm 2026', iso: '2026-04' });
    expect(plan.signature).toBeNull();
  });

  it('joins a heading split over two lines and a paragraph cut by a page break', () => {
    const plan = parse(
      'KẾ HOẠCH\nThử\nIII- NHIỆM VỤ, GIẢI PHÁP\nCHỦ YẾU\nTập trung các nguồn lực và bảo vệ\n\nmôi trường của tỉnh.\n',
    );
    expect(plan.sections[0]).toMatchObject({ id: 'III', heading: 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU' });
    expect(plan.sections[0]!.paragraphs).toEqual(['Tập trung các nguồn lực và bảo vệ môi trường của tỉnh.']);
  });

  it('reports text it cannot place instead of dropping it', () => {
    const plan = parse('DỰ THẢO\nUBND TỈNH X\nKẾ HOẠCH\nThử\nI. NỘI DUNG\nA.\n');
    expect(plan.messages.map((m) => m.text)).toContain('DỰ THẢO');
  });
});

describe('parse: attached plans and their end', () => {
  const plan = parse(
    [
      'KẾ HOẠCH',
      'Hỗ trợ nhà ở đối với người có công',
      '(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 02 tháng 6 năm 2014 của Ủy ban nhân dân tỉnh)',
      'Căn cứ Nghị định số 34/2013/NĐ-CP ngày 22/4/2013 của Chính phủ;',
      'I. TỔ CHỨC THỰC HIỆN',
      '1. Sở Xây dựng chủ trì hướng dẫn thực hiện.',
      '2. Sở Tài chính',
      'a) Bố trí kinh phí hỗ trợ.',
      'b) Hướng dẫn thanh quyết toán kinh phí./.',
    ].join('\n'),
  );

  it('keeps the note in the preamble and the issuing decision out of the references', () => {
    expect(plan.summary).toBe('Hỗ trợ nhà ở đối với người có công');
    expect(plan.preamble[0]).toMatch(/^\(Ban hành kèm theo/u);
    expect(plan.references.map((r) => r.number?.raw)).toEqual(['34/2013/NĐ-CP']);
  });

  it('keeps a last numbered item ending "./." in the tree', () => {
    expect(plan.closing).toEqual([]);
    expect(plan.sections[0]!.children[1]!.children.map((s) => s.id)).toEqual(['I.2.a', 'I.2.b']);
    expect(plan.tasks.map((t) => t.section)).toEqual(['I.1', 'I.2.a', 'I.2.b']);
  });

  it('keeps a closing formula after a top-level section, not after a sub-item', () => {
    const after = (tail: string[]) => parse(['KẾ HOẠCH', 'Thử', 'I. TỔ CHỨC THỰC HIỆN', ...tail].join('\n'));
    expect(
      after(['- Sở Y tế chủ trì kiểm tra.', 'Yêu cầu các cơ quan nghiêm túc thực hiện Kế hoạch này./.'])
        .closing,
    ).toHaveLength(1);
    const nested = after([
      '1. Sở Y tế chủ trì kiểm tra.',
      'Trong quá trình thực hiện, các cơ quan báo cáo Sở Y tế./.',
    ]);
    expect(nested.closing).toEqual([]);
    expect(nested.sections[0]!.children[0]!.paragraphs).toHaveLength(1);
  });
});

describe('parse: OCR layout', () => {
  const word = (text: string, x: number) => ({
    text,
    bbox: { x0: x, y0: 0, x1: x + 10, y1: 10 },
    confidence: 90,
  });
  const line = (text: string) => ({
    bbox: { x0: 0, y0: 0, x1: 10, y1: 10 },
    words: text.split(' ').map((w, i) => word(w, i * 12)),
  });
  const block = (
    role: 'header-left' | 'header-right' | 'body' | 'column-left' | 'column-right',
    lines: string[],
  ) => ({
    bbox: { x0: 0, y0: 0, x1: 10, y1: 10 },
    role,
    lines: lines.map(line),
  });
  const doc: OcrDocument = {
    type: 'ocr-document',
    source: 'scan.png',
    language: 'vie',
    text: '',
    pages: [
      {
        number: 1,
        width: 1000,
        height: 1400,
        dpi: 300,
        source: 'ocr',
        confidence: 90,
        text: '',
        blocks: [
          block('header-left', ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI', 'Số: 134/KH-UBND']),
          block('header-right', [
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
            'Độc lập - Tự do - Hạnh phúc',
            'Lào Cai, ngày 26 tháng 3 năm 2026',
          ]),
          block('body', ['KẾ HOẠCH']),
          block('body', ['Phát triển các khu công nghiệp']),
          block('body', ['I. TỔ CHỨC THỰC HIỆN']),
          block('body', [
            '1. Sở Công Thương chủ trì, phối hợp với các sở,',
            'ngành liên quan triển khai Kế hoạch.',
          ]),
          block('column-left', ['Nơi nhận:', '- Như trên;', '- Lưu: VT.']),
          block('column-right', ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Văn Bình']),
        ],
      },
    ],
  };
  const plan = parse(doc);

  it('reads header columns as separate blocks and joins wrapped lines', () => {
    expect(plan.issuer.name).toBe('ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    expect(plan.date?.iso).toBe('2026-03-26');
    expect(plan.source).toBe('scan.png');
    expect(plan.tasks[0]).toMatchObject({
      lead: 'Sở Công Thương',
      coordinators: ['các sở, ngành liên quan'],
    });
    expect(plan.recipients.map((r) => r.name)).toEqual(['Như trên', 'VT.'.replace('.', '')]);
    expect(plan.signature?.name).toBe('Trần Văn Bình');
  });
});

describe('unified plugin', () => {
  it('lets a transformer edit the plan tree, and the compiler keeps the edit', async () => {
    const rename =
      () => (tree: { children: { type: string; children?: { type: string; value?: string }[] }[] }) => {
        for (const node of tree.children) {
          if (node.type !== 'planSection') continue;
          for (const child of node.children ?? []) {
            if (child.type === 'planHeading') {
              const text = (child as unknown as { children: { value: string }[] }).children[0]!;
              text.value = text.value.toLowerCase();
            }
          }
        }
      };
    const file = await unified()
      .use(sohoaParse)
      .use(rename as never)
      .use(sohoaPlan)
      .process('KẾ HOẠCH\nThử\nI. NỘI DUNG\n1. Sở Y tế chủ trì kiểm tra.\n');
    expect(Plan.parse(file.result).sections[0]!.heading).toBe('nội dung');
  });

  it('parses into a tree, stores the plan on file.data and reports messages', async () => {
    const file = new VFile({
      path: 'draft.txt',
      value: 'DỰ THẢO\nKẾ HOẠCH\nThử\nI. NỘI DUNG\n1. Sở Y tế chủ trì kiểm tra.\n',
    });
    const processor = unified().use(sohoaParse).use(sohoaPlan);
    const result = await processor.process(file);
    const plan = Plan.parse(result.result);
    expect(file.data.plan).toEqual(plan);
    expect(plan.source).toBe('draft.txt');
    expect(file.messages.map((m) => m.ruleId)).toContain('header-mark');
    const tree = processor.parse(new VFile('KẾ HOẠCH\nThử\nI. NỘI DUNG\n'));
    expect(tree.type).toBe('planRoot');
    const section = (tree as unknown as { children: { type: string; id?: string }[] }).children.find(
      (n) => n.type === 'planSection',
    );
    expect(section?.id).toBe('I');
  });
});

/**
 * What a Markdown reader sees: blocks parsed by mdast-util-from-markdown with the GFM syntax
 * (micromark-extension-gfm + mdast-util-gfm), a parser that shares nothing with the serialiser.
 */
const blocksOf = (md: string) =>
  fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }).children;

/** The cells of the first table, as text, header row first. */
function tableRows(md: string): string[][] {
  const table = blocksOf(md).find((n): n is Table => n.type === 'table');
  return table ? table.children.map((row) => row.children.map((cell) => mdastText(cell))) : [];
}

describe('markdown', () => {
  const plan = parse(STATE);
  const md = planToMarkdown(plan);
  const blocks = blocksOf(md);

  it('renders the title, the header facts and the heading tree', () => {
    const headings = blocks.flatMap((n) => (n.type === 'heading' ? [`${n.depth} ${mdastText(n)}`] : []));
    expect(headings.slice(0, 6)).toEqual([
      '1 KẾ HOẠCH',
      '2 I. MỤC ĐÍCH',
      '2 II. TỔ CHỨC THỰC HIỆN',
      '3 1. Phòng Kỹ thuật an toàn',
      '3 2. Giao Văn phòng Sở bố trí kinh phí, hoàn thành trong quý I/2024.',
      '3 3. UBND các huyện có trách nhiệm báo cáo định kỳ 6 tháng.',
    ]);
    const facts = blocks.find((n) => n.type === 'list');
    expect(facts && mdastText(facts)).toContain('Số, ký hiệu: 15/KH-SCT');
  });

  it('renders bulleted paragraphs as list items', () => {
    const at = blocks.findIndex((n) => n.type === 'heading' && mdastText(n) === '1. Phòng Kỹ thuật an toàn');
    const list = blocks[at + 1];
    expect(list?.type === 'list' && list.children.map((item) => mdastText(item))).toEqual([
      'Chủ trì, phối hợp với Công an tỉnh, Sở Y tế kiểm tra các cơ sở, xong trong tháng 02/2024.',
      'Tổng hợp báo cáo trước ngày 15/3/2024.',
    ]);
  });

  it('renders a task table: section, task, lead, coordinators, deadline', () => {
    const [head, ...rows] = tableRows(md);
    expect(head).toEqual(['Mục', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn']);
    expect(rows).toHaveLength(plan.tasks.length);
    expect(rows[0]).toEqual([
      'II.1',
      'Chủ trì, phối hợp với Công an tỉnh, Sở Y tế kiểm tra các cơ sở, xong trong tháng 02/2024.',
      'Phòng Kỹ thuật an toàn',
      'Công an tỉnh; Sở Y tế',
      'trong tháng 02/2024 (2024-02)',
    ]);
  });

  it('keeps a pipe in the text inside its cell', () => {
    const piped = planToMarkdown(parse(STATE.replace('Tổng hợp báo cáo', 'Tổng hợp | báo cáo')));
    const row = tableRows(piped).find((cells) => cells[1]?.startsWith('Tổng hợp'));
    expect(row?.slice(0, 3)).toEqual([
      'II.1',
      'Tổng hợp | báo cáo trước ngày 15/3/2024.',
      'Phòng Kỹ thuật an toàn',
    ]);
  });
});

const devPlans = readdirSync(plansDir).filter((f) => f.startsWith('KH_') && f.endsWith('.txt'));

describe.each(devPlans)('dev plan %s', (name) => {
  const text = readFileSync(`${plansDir}${name}`, 'utf8');
  const plan = parse(text, { source: name });

  it('fits the plan schema', () => {
    expect(Plan.safeParse(plan).success).toBe(true);
  });

  it('loses no text: every non-empty line is somewhere in the plan or its messages', () => {
    expect(lostLines(text, plan)).toEqual([]);
  });

  it('finds a header, sections and tasks', () => {
    expect(plan.docType.code).toBe('ke-hoach');
    expect(plan.sections.length).toBeGreaterThan(2);
    expect(plan.tasks.length).toBeGreaterThan(0);
    // Every action is a task, owned or not: how its lead was found is stated, and a task without a lead says so.
    for (const t of plan.tasks) expect(t.lead === null, t.text).toBe(t.leadSource === 'none');
  });
});

describe('fixture plans', () => {
  it('hold all eight dev plans', () => {
    expect(devPlans).toHaveLength(8);
  });
});

describe('parse: a clock time written against a day word', () => {
  it('returns, with the sentence as a task and its weekly recurrence', () => {
    const plan = parse('KẾ HOẠCH\nI. MỤC TIÊU\n1. Sở Y tế báo cáo 8h ngày thứ Hai hằng tuần.\n');
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]!.lead).toBe('Sở Y tế');
    expect(plan.tasks[0]!.deadline).toBeNull();
    expect(plan.tasks[0]!.recurrence?.kind).toBe('weekly');
  });
});

describe('parse: input that is neither text nor an OCR document', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [42, 'a number'],
    [['KẾ HOẠCH'], 'an array'],
    [{ pages: 'x' }, 'an object that is no OCR document'],
  ])('throws a ParseError with code invalid-input for %j', (input, what) => {
    let error: unknown;
    try {
      parse(input as unknown as string);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ name: 'ParseError', code: 'invalid-input' });
    expect((error as Error).message).toContain(what);
  });
});
