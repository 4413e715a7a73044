import type { Paragraph } from './lines.js';
import { clean, fold } from './text.js';

/*
 * Task tables flattened to text, as a PDF's text layer or a copy gives them: the header cells one after the
 * other ("TT", "Tên nhiệm vụ", "Cơ quan", "chủ trì", …), then each row as its number followed by its cells in
 * column order, every cell wrapped over as many lines as its column was narrow. Group rows ("I. Hoàn thiện
 * thể chế …") divide the rows. The header is printed again on each page.
 *
 * The cell boundaries are lost in the text; they are found back by a small dynamic programme over the row's
 * lines: split them into the header's columns, in order (a column may be empty), scoring each boundary by
 * what ends the line before (a full stop, a comma, a dangling "các") and starts the line after (a capital),
 * and each cell by how well it fits its column (a body name for chủ trì / phối hợp, a time for thời gian).
 */

export type ColumnRole = 'task' | 'lead' | 'coordinators' | 'product' | 'time' | 'note';

export interface TableRow {
  /** The row number as printed ("12."). */
  number: string;
  /** Line of the row number. */
  line: number;
  /** Last line of the row. */
  endLine: number;
  cells: Partial<Record<ColumnRole, string>>;
}

export interface TextTable {
  columns: ColumnRole[];
  /** Index (into the lines) of the header's first line. */
  start: number;
  /** Index after the last line of the last row. */
  end: number;
  /** Group rows: a Roman numeral and its title, with the indices of their lines. */
  groups: { line: number; indices: number[] }[];
  rows: TableRow[];
  /** Indices of the lines the table consumed (header, rows, repeated headers), group rows excluded. */
  consumed: Set<number>;
  /** Indices of the header's lines, and of the header printed again on later pages. */
  headerLines: number[];
}

/** A table's index column label: "TT", "STT", "Stt", "Số TT". */
export const INDEX_CELL = /^(?:S\s*TT|TT|Stt|STT|Số\s*TT)\.?$/u;

const ROLE_LABELS: [ColumnRole, RegExp][] = [
  ['coordinators', /(?:cơ\s+quan|đơn\s+vị)?\s*phối\s+hợp/u],
  [
    'lead',
    /(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+chủ\s+trì|chủ\s+trì|(?:cơ\s+quan|đơn\s+vị|người)\s+thực\s+hiện|phụ\s+trách/u,
  ],
  ['time', /thời\s+gian|thời\s+hạn|tiến\s+độ/u],
  ['product', /kết\s+quả|sản\s+phẩm|hình\s+thức\s+văn\s+bản|dự\s+kiến\s+sản\s+phẩm/u],
  [
    'note',
    /ghi\s+chú|cấp\s+(?:phê\s+duyệt|trình|ban\s+hành|quyết\s+định)|(?:nguồn\s+)?kinh\s+phí|dự\s+toán/u,
  ],
  ['task', /nhiệm\s+vụ|nội\s+dung|công\s+việc|hoạt\s+động|tên\s+(?:đề\s+án|văn\s+bản)|giải\s+pháp/u],
];

/** A header line: short, and a header word or a fragment of one ("quan", "hạn", "hoàn thành"). */
const HEADER_WORD =
  /^(?:s?tt|số|tên|nhiệm|vụ|cụ|thể|nội|dung|công|việc|cơ|quan|đơn|vị|chủ|trì|phối|hợp|kết|quả|sản|phẩm|thời|gian|hạn|hoàn|thành|tiến|độ|thực|hiện|ghi|chú|đánh|giá|dự|kiến|hình|thức|văn|bản|hoạt|động|giải|pháp|người|phụ|trách|bộ|phận|\/|và|trình|cấp|có|thẩm|quyền|ban|hành|đầu|ra|lộ|mốc|năm|kinh|phí|nguồn|chỉ|tiêu|đề|án|nhóm|lĩnh|vực|mục|trách|chế|yêu|cầu|dự|kiến|chính|sách|các|đạt|được|ngành|địa|phương|phê|duyệt|quyết|toán|xã|tỉnh|huyện)$/u;

/** Whether a word (any case, punctuation around it ignored) can be part of a column label. */
export function isHeaderWord(word: string): boolean {
  const parts = fold(word)
    .replace(/[/(),.:;]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
  return parts.every((w) => HEADER_WORD.test(w));
}

function isHeaderLine(text: string): boolean {
  return text.length <= 45 && /\p{L}/u.test(text) && isHeaderWord(text);
}

/** The columns a header names, in the order printed. */
export function headerColumns(header: string): ColumnRole[] {
  const text = fold(header);
  const found: { role: ColumnRole; at: number }[] = [];
  let rest = text;
  // Longest labels first, each blanked once found so "cơ quan phối hợp" is not also "cơ quan chủ trì".
  for (const [role, re] of ROLE_LABELS) {
    // Every other-purpose column counts ("Cấp phê duyệt", "Kinh phí", "Ghi chú"): the cells must line up.
    for (let n = 0; n < (role === 'note' ? 4 : 1); n++) {
      const m = re.exec(rest);
      if (!m) break;
      found.push({ role, at: m.index });
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.role);
}

const ROW_START = /^(\d{1,3})(?:[.)]\s*|\s*$)(.*)$/u;
const GROUP_START = /^([IVX]{1,5})[.)]\s*(.*)$/u;
/** Rows numbered under their group's number ("1.1", "2.3."), the groups then numbered "1.", "2.". */
const DECIMAL_ROW = /^(\d{1,2})\.(\d{1,2})\.?(?:\s+(.*)|\s*$)/u;
const GROUP_ARABIC = /^\d{1,2}[.)](?:\s|$)/u;

/** Read the task tables in lines (one cell line per entry). */
export function readTextTables(lines: readonly Paragraph[]): TextTable[] {
  const tables: TextTable[] = [];
  for (let h = 0; h < lines.length; h++) {
    const header = headerAt(lines, h);
    if (!header) continue;
    const table = readRows(lines, h, header.end, header.columns, header.text);
    if (table.rows.length === 0) continue;
    tables.push(table);
    h = table.end - 1;
  }
  return tables;
}

/**
 * A table header at line h: an index cell ("TT", "STT", alone or leading the labels) and the column labels
 * after it, or, without an index column, a run of label lines right before the first row. The labels must
 * name a task column and a lead or time column.
 */
function headerAt(
  lines: readonly Paragraph[],
  h: number,
): { columns: ColumnRole[]; end: number; text: string } | null {
  const first = lines[h]!.text.trim();
  const indexed = INDEX_CELL.test(first) || INDEX_LEAD.test(first);
  if (!indexed && (!isHeaderLine(first) || (h > 0 && isHeaderLine(lines[h - 1]!.text.trim())))) return null;
  const parts: string[] = [];
  if (!INDEX_CELL.test(first)) parts.push(first.replace(INDEX_LEAD, ''));
  let i = h + 1;
  while (i < lines.length && i < h + 16 && isHeaderLine(lines[i]!.text.trim())) {
    parts.push(lines[i]!.text.trim());
    i++;
  }
  const columns = headerColumns(parts.join(' '));
  if (!columns.includes('task') || !(columns.includes('lead') || columns.includes('time'))) return null;
  // Without an index column, the labels must run straight into the first row.
  if (!indexed && !/^(?:1|I)[.)]?(?:\s|$)/u.test(lines[i]?.text.trim() ?? '')) return null;
  return { columns, end: i, text: fold(parts.join(' ')).replace(/\s+/gu, ' ') };
}

/** An index cell leading the other labels on its line: "TT Nội dung nhiệm vụ …". */
const INDEX_LEAD = /^(?:S\s*TT|TT|Stt|STT|Số\s*TT)\.?\s+(?=\p{L})/u;

function readRows(
  lines: readonly Paragraph[],
  start: number,
  from: number,
  columns: ColumnRole[],
  headerText: string,
): TextTable {
  const consumed = new Set<number>();
  const headerLines: number[] = [];
  for (let k = start; k < from; k++) {
    consumed.add(k);
    headerLines.push(k);
  }
  const groups: TextTable['groups'] = [];
  const rows: { number: string; indices: number[]; first: string }[] = [];
  let expected = 1;
  let current: { number: string; indices: number[]; first: string } | null = null;
  let group: { line: number; indices: number[] } | null = null;
  let i = from;
  // Decimal rows: two of them among the first lines after the header.
  const decimal = lines.slice(from, from + 80).filter((l) => DECIMAL_ROW.test(l.text.trim())).length >= 2;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    if (!text) continue;
    // The header printed again on a new page.
    if (INDEX_CELL.test(text)) {
      let k = i + 1;
      const parts: string[] = [];
      while (k < lines.length && isHeaderLine(lines[k]!.text.trim())) parts.push(lines[k++]!.text.trim());
      if (fold(parts.join(' ')).replace(/\s+/gu, ' ') === headerText) {
        for (let x = i; x < k; x++) {
          consumed.add(x);
          headerLines.push(x);
        }
        i = k - 1;
        continue;
      }
      break;
    }
    if (decimal) {
      // Rows "1.1", "1.2" under group rows "1.", "2.".
      const sub = DECIMAL_ROW.exec(text);
      if (sub) {
        current = {
          number: text.slice(0, text.length - (sub[3] ?? '').length).trim(),
          indices: [i],
          first: sub[3] ?? '',
        };
        rows.push(current);
        group = null;
        consumed.add(i);
        continue;
      }
    } else {
      const row = ROW_START.exec(text);
      const n = row ? Number(row[1]) : Number.NaN;
      if (row && (n === expected || (n === 1 && rows.length > 0) || (n > expected && n <= expected + 2))) {
        current = {
          number: text.slice(0, text.length - row[2]!.length).trim(),
          indices: [i],
          first: row[2]!,
        };
        rows.push(current);
        group = null;
        consumed.add(i);
        expected = n + 1;
        continue;
      }
    }
    if (GROUP_START.test(text) || (decimal && GROUP_ARABIC.test(text))) {
      group = { line: i, indices: [i] };
      groups.push(group);
      current = null;
      continue;
    }
    if (group) {
      group.indices.push(i);
      continue;
    }
    if (!current) break;
    current.indices.push(i);
    consumed.add(i);
  }
  const out: TableRow[] = rows.map((r) => {
    // A row cut by a page break goes on with each of its cells again, in column order: split each part.
    const parts: { text: string; cell: boolean }[][] = [[]];
    r.indices.forEach((k, n) => {
      const text = n === 0 ? r.first : lines[k]!.text.trim();
      if (n > 0 && lines[k]!.pageBreak && parts[parts.length - 1]!.length > 0) parts.push([]);
      if (text) parts[parts.length - 1]!.push({ text, cell: n > 0 && lines[k]!.cell === true });
    });
    const cells: TableRow['cells'] = {};
    for (const [n, part] of parts.entries()) {
      const split = splitCells(
        part.map((p) => p.text),
        columns,
        n > 0,
        part.map((p) => p.cell),
      );
      for (const [role, text] of Object.entries(split) as [ColumnRole, string][])
        cells[role] = cells[role] ? `${cells[role]} ${text}` : text;
    }
    const last = r.indices[r.indices.length - 1]!;
    return { number: r.number, line: lines[r.indices[0]!]!.line, endLine: lines[last]!.line, cells };
  });
  return {
    columns,
    start,
    end: i,
    groups: groups.map((g) => ({ line: lines[g.line]!.line, indices: g.indices })),
    rows: out,
    consumed,
    headerLines,
  };
}

/** Words after which a cell cannot end: the line is cut inside a phrase. */
const DANGLING =
  /(?:^|\s)(?:và|của|các|với|ở|về|cho|trong|tại|theo|đối|từ|đến|hoặc|là|được|để|những|mọi|có|cùng|trên|dưới|do|bằng|nhằm|gồm|như|các cơ quan|cơ quan|đơn vị|ủy ban|bộ|sở|ban)$/u;

const BODY_START =
  /^(?:Bộ|Các|Ủy ban|Uỷ ban|UBND|Sở|Ban|Văn phòng|Ngân hàng|Thanh tra|Tòa án|Toà án|Viện|Kiểm toán|Hội|Liên đoàn|Trung ương|Đài|Thông tấn|Tổng cục|Cục|Vụ|Cơ quan|Đơn vị|Chính phủ|Thủ tướng|Mặt trận|Đoàn|Công an|Quân|Bảo hiểm|Học viện|Trường|Đại học|Tập đoàn|Tổng công ty|Phòng|Trung tâm|Hiệp hội|Hội đồng|Chủ tịch|Lãnh đạo|Người đứng đầu|Địa phương|\p{Lu}{2,})(?![\p{Ll}])/u;

const TIME_START =
  /^(?:Năm|Quý|Tháng|Hằng|Hàng|Thường xuyên|Trước|Trong|Giai đoạn|\d|Từ|Đến|Sau|Theo|Định kỳ|Kịp thời|Liên tục|Ngay|Đã|Thực hiện|Chậm nhất|Cuối|Đầu|Giữa|6 tháng|Tuần)/u;
const TIME_WORD =
  /(?:^|\s)(?:năm|quý|tháng|ngày|\d{4}|thường xuyên|hằng|hàng|định kỳ|giai đoạn)(?:\s|$|[,.;/])/iu;

const PRODUCT_START =
  /^(?:Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Văn bản|Báo cáo|Đề án|Kế hoạch|Chương trình|Hội nghị|Luật|Tài liệu|Hệ thống|Cơ sở dữ liệu|Sổ tay|Chiến lược|Quy chế|Quy định|Hướng dẫn|Công văn|Tờ trình|Dự thảo|Bộ tiêu chí|Danh mục|Phần mềm|Nền tảng|Các|Được|Hoàn thành|Ban hành)/u;

function cellFit(role: ColumnRole, text: string, folded: string): number {
  const words = text.split(/\s+/u).length;
  let s = 0;
  if (DANGLING.test(folded)) s -= 2;
  switch (role) {
    case 'lead':
    case 'coordinators':
      s += BODY_START.test(text) ? 1.5 : -1.5;
      if (words > 45) s -= 2;
      if (/[.]$/u.test(text) && words > 15) s -= 1;
      break;
    case 'time':
      s += TIME_START.test(text) ? 1.5 : -1;
      if (TIME_WORD.test(text)) s += 1;
      if (words > 30) s -= 2;
      break;
    case 'product':
      // A body's name is no product: "Cơ quan, tổ chức …" belongs to the columns of bodies.
      s += PRODUCT_START.test(text) ? 1 : BODY_START.test(text) && !/^Các\s/u.test(text) ? -1.5 : 0;
      if (words > 40) s -= 1;
      break;
    case 'task':
      s += /^\p{Lu}/u.test(text) ? 0.5 : -0.5;
      break;
    case 'note':
      break;
  }
  return s;
}

/** Score of a cell boundary between line b-1 and line b. */
function boundaryScore(before: string, after: string): number {
  let s = 0;
  s += /^[\p{Lu}\d(“"]/u.test(after) ? 1 : -4;
  if (/[.;:)”"]$/u.test(before)) s += 1;
  else if (/,$/u.test(before)) s -= 1.5;
  if (DANGLING.test(fold(before))) s -= 2;
  return s;
}

/** Cost of leaving a column empty. */
const EMPTY: Record<ColumnRole, number> = {
  task: -50,
  lead: -3,
  coordinators: -1,
  product: -0.8,
  time: -1,
  note: -0.3,
};

/** Split a row's lines into the columns (dynamic programme; see the module comment). */
export function splitCells(
  texts: readonly string[],
  columns: readonly ColumnRole[],
  /** The rest of a row after a page break: only the cells that ran over go on, any may be empty. */
  continuation = false,
  /** Lines known to be whole cells (read from word boxes): a boundary before each. */
  wholeCells: readonly boolean[] = [],
): TableRow['cells'] {
  const empty = (role: ColumnRole) => (continuation ? -0.3 : EMPTY[role]);
  const n = texts.length;
  const k = columns.length;
  if (n === 0) return {};
  const join = (from: number, to: number) => clean(texts.slice(from, to).join(' '));
  // Each span of lines is joined and folded once, whichever column it is tried in.
  const spans = new Map<number, { text: string; folded: string }>();
  const span = (from: number, to: number) => {
    const key = from * (n + 1) + to;
    let found = spans.get(key);
    if (!found) {
      const text = join(from, to);
      found = { text, folded: fold(text) };
      spans.set(key, found);
    }
    return found;
  };
  const boundaries = texts.map((t, e) =>
    e > 0 ? boundaryScore(texts[e - 1]!, t) + (wholeCells[e] ? 10 : 0) : 0,
  );
  // best[i][j]: best score having placed lines [0, i) into columns [0, j)
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(-Infinity));
  const back: [number, number][][] = Array.from({ length: n + 1 }, () =>
    new Array<[number, number]>(k + 1).fill([-1, -1]),
  );
  best[0]![0] = 0;
  for (let j = 0; j < k; j++) {
    const role = columns[j]!;
    for (let i = 0; i <= n; i++) {
      const here = best[i]![j]!;
      if (here === -Infinity) continue;
      // Empty column.
      if (here + empty(role) > best[i]![j + 1]!) {
        best[i]![j + 1] = here + empty(role);
        back[i]![j + 1] = [i, j];
      }
      for (let e = i + 1; e <= n; e++) {
        // The last column must take the rest: a boundary after it is no boundary.
        const cell = span(i, e);
        const score = here + cellFit(role, cell.text, cell.folded) + (e < n ? boundaries[e]! : 0);
        if (score > best[e]![j + 1]!) {
          best[e]![j + 1] = score;
          back[e]![j + 1] = [i, j];
        }
      }
    }
  }
  const cells: TableRow['cells'] = {};
  let i = n;
  let j = k;
  while (j > 0) {
    const [pi, pj] = back[i]![j]!;
    if (pi < 0) break;
    if (pi < i) cells[columns[pj]!] = join(pi, i);
    i = pi;
    j = pj;
  }
  return cells;
}
