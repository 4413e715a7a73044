import {
  DOC_TYPES,
  type DocNumber,
  type DocType,
  type DocTypeCode,
  type PartialDate,
  type PlanIssuer,
  type PlanMessage,
  type Regime,
} from '@sohoa/model';
import { parseDateLine } from './dates.js';
import type { SourceLine } from './lines.js';
import { clean, fold, isAllCaps, startsLower } from './text.js';

/*
 * The document header: issuer (top left, with its superior above), quốc hiệu or "ĐẢNG CỘNG SẢN VIỆT NAM" (top
 * right), number, place and date, the type line (title) and the trích yếu (summary). State documents follow
 * Nghị định 30/2020/NĐ-CP, Party documents Hướng dẫn 36-HD/VPTW. Two-column headers arrive either as separate
 * segments (layout text, OCR blocks) or flattened into one line ("UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI …").
 */

export interface Header {
  docType: DocType;
  regime: Regime;
  issuer: PlanIssuer;
  number: DocNumber | null;
  place: string | null;
  date: PartialDate | null;
  title: string | null;
  summary: string | null;
  /** Lines of the summary, for locating references. */
  summaryLine: number | null;
  titleLine: number | null;
  /** Index into the lines of the first line after the header. */
  bodyStart: number;
  /** An attachment note printed on the title or summary line: a paragraph of the preamble. */
  note: { text: string; line: number } | null;
  messages: PlanMessage[];
  /** The header shows the Party's name or a Party-style number. */
  partyMarks: boolean;
}

const NATIONAL = /CỘNG\s+H(?:OÀ|ÒA|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/iu;
const MOTTO = /Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc/iu;
const PARTY = /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u;
const DECORATION = /^[-–—_*=.…~\s]+$/u;
const NUMBER_LINE = /^(?:Số|SỐ|số)\s*[:.]?\s*(.*)$/u;
const MARKS =
  /^(?:DỰ\s+THẢO|Dự\s+thảo|MẬT|TUYỆT\s+MẬT|TỐI\s+MẬT|KHẨN|HỎA\s+TỐC|HOẢ\s+TỐC|THƯỢNG\s+KHẨN)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u;

/** Type names in upper case, longest first, to read the title line. */
/** Type names of titles, longest first, folded once. */
const TITLE_TYPES: { code: DocTypeCode; name: string; folded: string }[] = (
  Object.keys(DOC_TYPES) as DocTypeCode[]
)
  .filter((code) => code !== 'khac')
  .map((code) => ({ code, name: DOC_TYPES[code].name.toUpperCase() }))
  .concat([{ code: 'chuong-trinh', name: 'CHƯƠNG TRÌNH HÀNH ĐỘNG' }])
  .sort((a, b) => b.name.length - a.name.length)
  .map(({ code, name }) => ({ code, name, folded: fold(name) }));

/** Document types by their folded name ("nghị quyết" → nghi-quyet). */
const TYPE_BY_NAME = new Map<string, DocTypeCode>();
for (const code of Object.keys(DOC_TYPES) as DocTypeCode[]) {
  const f = fold(DOC_TYPES[code].name);
  if (!TYPE_BY_NAME.has(f)) TYPE_BY_NAME.set(f, code);
}

/** The first heading of a plan in parts: "Phần thứ nhất", "PHẦN I", "Chương I", "A. ĐÁNH GIÁ …". */
const PART_HEADING = /^(?:(?:Phần|PHẦN|Chương|CHƯƠNG)\s+(?:thứ|THỨ|[IVX]+(?![\p{L}])|\d)|A\.\s*\p{Lu})/u;

/** Type names that go on past the type word ("KẾ HOẠCH HÀNH ĐỘNG" is a title, not a summary). */
const TITLE_VARIANTS = /^(?:HÀNH ĐỘNG|LIÊN TỊCH)(?![\p{L}])/u;

/** The note under the title of a plan attached to a decision: "(Ban hành kèm theo Quyết định số …)". */
export const ATTACHMENT_NOTE = /^\(?\s*(?:Ban hành\s+)?kèm theo(?![\p{L}])/iu;
const NOTE_INSIDE = /\s\(\s*(?:Ban hành\s+)?kèm theo(?![\p{L}])/iu;

/** Cut a line at an attachment note printed on it: the text before and the note, or null. */
export function cutAttachmentNote(text: string): { before: string; note: string } | null {
  const m = NOTE_INSIDE.exec(text);
  if (!m) return null;
  return { before: text.slice(0, m.index).trim(), note: text.slice(m.index).trim() };
}

/**
 * A title printed with its summary on one line ("KẾ HOẠCH TRIỂN KHAI …"), maybe with the attachment note
 * after it: the type name, the rest and the note, or null when the line is no such title.
 */
export function splitTitleLine(text: string): { title: string; rest: string; note: string | null } | null {
  const cut = cutAttachmentNote(clean(text));
  const t = cut?.before ?? clean(text);
  if (!isAllCaps(t)) return null;
  for (const { name } of TITLE_TYPES) {
    if (t !== name && !t.startsWith(`${name} `)) continue;
    const rest = t.slice(name.length).trim();
    const titleOnly = !rest || TITLE_VARIANTS.test(rest) || rest.split(' ').length < 2;
    if (titleOnly) return cut ? { title: t, rest: '', note: cut.note } : null;
    return { title: name, rest, note: cut?.note ?? null };
  }
  return null;
}

/** The document type named by a title line ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG"), or null. */
export function titleDocType(text: string): DocTypeCode | null {
  const t = clean(text).replace(/[:.]$/u, '');
  if (!isAllCaps(t) || t.length > 60) return null;
  const folded = fold(t);
  for (const { code, folded: f } of TITLE_TYPES) {
    if (folded === f || folded.startsWith(`${f} `)) return code;
  }
  return null;
}

/** The document type named by a type word in running text ("Nghị quyết", "Văn bản" → công văn). */
export function docTypeOfWord(word: string): DocTypeCode {
  const f = fold(clean(word));
  if (f === 'văn bản' || f === 'công văn') return 'cong-van';
  const named = TYPE_BY_NAME.get(f);
  if (named !== undefined) return named;
  if (f.startsWith('chương trình')) return 'chuong-trinh';
  return 'khac';
}

const TYPE_ABBREVIATIONS = new Set(
  (Object.keys(DOC_TYPES) as DocTypeCode[]).flatMap((code) =>
    DOC_TYPES[code].abbreviations.map((a) => a.normalize('NFC')),
  ),
);

/**
 * Parse a document number as printed without "Số": "36-NQ/TW", "134 /KH-UBND", "30/2020/NĐ-CP", "/KH-SCT"
 * (blank draft). Unparseable numbers keep only `raw`.
 */
export function parseDocNumber(input: string): DocNumber | null {
  const raw = clean(input).replace(/[.,;]+$/u, '');
  if (!raw) return null;
  const compact = raw.replace(/\s+/gu, '');
  const empty: DocNumber = { raw, number: null, year: null, symbol: null, type: null, issuers: [] };
  let number: string | null = null;
  let rest: string;
  const lead = /^(\d+(?:\.\d+)*)(?:[/-]|$)(.*)$/u.exec(compact);
  if (lead) {
    number = lead[1]!;
    rest = lead[2] ?? '';
  } else if (/^[/-]/u.test(compact)) {
    rest = compact.replace(/^[/-]+/u, '');
  } else {
    return empty;
  }
  let year: number | null = null;
  const y = /^(\d{4})\/(.*)$/u.exec(rest);
  if (y && Number(y[1]) >= 1900 && Number(y[1]) <= 2200) {
    year = Number(y[1]);
    rest = y[2] ?? '';
  }
  const symbol = rest || null;
  const tokens = symbol ? symbol.split(/[-/]/u).filter(Boolean) : [];
  let type: string | null = null;
  let issuers = tokens;
  if (tokens.length > 0 && TYPE_ABBREVIATIONS.has(tokens[0]!)) {
    type = tokens[0]!;
    issuers = tokens.slice(1);
  }
  return { raw, number, year, symbol, type, issuers };
}

/** Cut flattened header text at the quốc hiệu, motto and Party name. */
function splitFlattened(text: string): { text: string; kind: 'national' | 'motto' | 'party' | 'other' }[] {
  for (const [re, kind] of [
    [NATIONAL, 'national'],
    [MOTTO, 'motto'],
    [PARTY, 'party'],
  ] as const) {
    const m = re.exec(text);
    if (m) {
      const before = text.slice(0, m.index).trim();
      const after = text.slice(m.index + m[0].length).trim();
      return [
        ...(before ? splitFlattened(before) : []),
        { text: m[0], kind },
        ...(after ? splitFlattened(after) : []),
      ];
    }
  }
  return [{ text, kind: 'other' }];
}

/** Split "Số: 15/QĐ-UBND Hà Nội, ngày 01 tháng 02 năm 2023" into its number and its date line. */
function splitNumberAndDate(text: string): { number: string; dateLine: string | null } {
  const m =
    /^(.*?)\s+((?:[\p{Lu}][\p{L}.\-–]*(?:\s+[\p{Lu}][\p{L}.\-–]*){0,4}|[.…_]+)\s*,\s*(?:ngày|Ngày)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])).*)$/u.exec(
      text,
    );
  if (m && parseDateLine(m[2]!)) return { number: m[1]!, dateLine: m[2]! };
  return { number: text, dateLine: null };
}

const PLACE_LEVEL = /^(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s/u;
const ORGAN_AT_LEVEL =
  /^(?:TỈNH|HUYỆN|THÀNH|ĐẢNG|QUẬN|THỊ)\s+ỦY(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|^(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+UỶ(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u;

function issuerName(chain: string[]): string | null {
  if (chain.length === 0) return null;
  const last = chain[chain.length - 1]!;
  if (chain.length >= 2 && PLACE_LEVEL.test(last) && !ORGAN_AT_LEVEL.test(last)) {
    return `${chain[chain.length - 2]} ${last}`;
  }
  return last;
}

/** Party organs (issuers under Hướng dẫn 36-HD/VPTW). */
export const PARTY_ORGAN =
  /(?:^|\s)(?:đảng bộ|tỉnh ủy|huyện ủy|thành ủy|quận ủy|thị ủy|đảng ủy|chi bộ|ban chấp hành đảng bộ|ban thường vụ (?:tỉnh|huyện|thành|quận|thị|đảng) ủy|bộ chính trị|ban bí thư|ban chấp hành trung ương)(?![\p{L}])/u;

const PREAMBLE_OPENER =
  /^(?:Căn cứ|Thực hiện|Xét|Theo|Nhằm|Để|Kính gửi|Sau khi|Trên cơ sở|Thi hành|Tiếp tục|Thừa lệnh|Qua|Hôm nay|Ngày \d)/u;

/** Read the header from the first lines. */
export function parseHeader(lines: readonly SourceLine[]): Header {
  const messages: PlanMessage[] = [];
  const limit = Math.min(lines.length, 60);
  let titleIndex = -1;
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    if (line.segments.length !== 1) continue;
    if (titleDocType(line.text) || splitTitleLine(line.text)) {
      titleIndex = i;
      break;
    }
  }

  const chain: string[] = [];
  let number: DocNumber | null = null;
  let place: string | null = null;
  let date: PartialDate | null = null;
  let partyMarks = false;
  let summary: string | null = null;
  let summaryLine: number | null = null;
  let headerEnd = titleIndex >= 0 ? titleIndex : -1;

  // Without a title line (a công văn), the header runs to the date line or the "V/v" lines.
  if (titleIndex < 0) {
    for (let i = 0; i < Math.min(lines.length, 20); i++) {
      const t = lines[i]!.text;
      if (
        parseDateLine(t.split(/\s{2,}/u).pop() ?? t) ||
        /,\s*ngày(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])).*năm/u.test(t)
      )
        headerEnd = i + 1;
      if (/^V\/v(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/iu.test(t))
        headerEnd = i + 1;
    }
    if (headerEnd < 0) headerEnd = 0;
  }

  const vv: { text: string; line: number }[] = [];
  for (let i = 0; i < headerEnd; i++) {
    const line = lines[i]!;
    for (const segment of line.segments) {
      for (const piece of splitFlattened(segment.text)) {
        const text = piece.text.trim();
        if (!text) continue;
        if (piece.kind === 'party') {
          partyMarks = true;
          continue;
        }
        if (piece.kind !== 'other') continue;
        if (DECORATION.test(text)) continue;
        const num = NUMBER_LINE.exec(text);
        if (num && number === null && !/^số\s+\p{Ll}/u.test(text)) {
          const { number: n, dateLine } = splitNumberAndDate(num[1] ?? '');
          number = parseDocNumber(n);
          if (dateLine) {
            const d = parseDateLine(dateLine);
            if (d) {
              place = d.place;
              date = d.date;
            }
          }
          continue;
        }
        const dateLine = parseDateLine(text);
        if (dateLine && date === null) {
          place = dateLine.place;
          date = dateLine.date;
          continue;
        }
        if (
          /^V\/v(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/iu.test(text) ||
          (vv.length > 0 && startsLower(text))
        ) {
          vv.push({ text, line: line.line });
          continue;
        }
        if (MARKS.test(text)) {
          messages.push({
            ruleId: 'header-mark',
            reason: 'Header mark kept as a message',
            line: line.line,
            text,
          });
          continue;
        }
        if (isAllCaps(text) && number === null) {
          chain.push(text);
          continue;
        }
        messages.push({
          ruleId: 'unplaced-text',
          reason: 'Header text not recognised',
          line: line.line,
          text,
        });
      }
    }
  }
  if (vv.length > 0) {
    summary = clean(vv.map((v) => v.text).join(' '));
    summaryLine = vv[0]!.line;
  }

  let title: string | null = null;
  let note: { text: string; line: number } | null = null;
  let code: DocTypeCode = 'khac';
  let label = 'Văn bản';
  let bodyStart = headerEnd;
  if (titleIndex >= 0) {
    const titleLine = lines[titleIndex]!;
    const split = splitTitleLine(titleLine.text);
    title = split?.title ?? titleLine.text;
    code = titleDocType(title) ?? 'khac';
    label = title.replace(/[:.]$/u, '');
    const parts: { text: string; line: number }[] = split?.rest
      ? [{ text: split.rest, line: titleLine.line }]
      : [];
    if (split?.note) note = { text: split.note, line: titleLine.line };
    // A note on the title line ends the summary there.
    const noteOnTitle = note !== null;
    let i = titleIndex + 1;
    for (; !noteOnTitle && i < lines.length && parts.length < 8; i++) {
      const t = lines[i]!.text;
      if (!t) {
        // A summary line split off by a blank line goes on in lower case.
        const next = lines.slice(i + 1).find((l) => l.text)?.text ?? '';
        if (parts.length > 0 && !(startsLower(next) && !ATTACHMENT_NOTE.test(next))) break;
        continue;
      }
      // "Hỗ trợ … (Ban hành kèm theo Quyết định …)": the note printed at the end of a summary line.
      const cut = cutAttachmentNote(t);
      if (cut?.before) {
        parts.push({ text: cut.before, line: lines[i]!.line });
        note = { text: cut.note, line: lines[i]!.line };
        i++;
        break;
      }
      if (DECORATION.test(t)) {
        if (parts.length > 0) {
          i++;
          break;
        }
        continue;
      }
      if (
        parts.length > 0 &&
        (PREAMBLE_OPENER.test(t) || /^\d+[.)]\s|^[IVX]+[.-]\s/u.test(t) || PART_HEADING.test(t))
      )
        break;
      // "(Ban hành kèm theo Quyết định số …)": the issuing decision, part of the preamble.
      if (ATTACHMENT_NOTE.test(t)) break;
      if (parts.length === 0 && /^(?:Căn cứ|Kính gửi)/u.test(t)) break;
      // An upper-case line under a mixed-case summary is the enacting authority of a decision.
      if (parts.length > 0 && isAllCaps(t) && !isAllCaps(parts[parts.length - 1]!.text)) break;
      parts.push({ text: t, line: lines[i]!.line });
    }
    if (parts.length > 0) {
      summary = clean(parts.map((p) => p.text).join(' '));
      summaryLine = parts[0]!.line;
    }
    while (i < lines.length && DECORATION.test(lines[i]!.text) && lines[i]!.text) i++;
    bodyStart = i;
  } else if (number?.type) {
    for (const c of Object.keys(DOC_TYPES) as DocTypeCode[]) {
      if (DOC_TYPES[c].abbreviations.includes(number.type)) {
        code = c;
        label = DOC_TYPES[c].name;
        break;
      }
    }
  } else if (vv.length > 0) {
    code = 'cong-van';
    label = 'Công văn';
  }

  const partyIssuer = chain.some((line) => PARTY_ORGAN.test(fold(line)));
  const regime: Regime = number?.year
    ? 'legal-normative'
    : partyMarks || partyNumber(number) || partyIssuer
      ? 'party'
      : 'state';
  return {
    docType: { code, label },
    regime,
    issuer: { chain, name: issuerName(chain) },
    number,
    place,
    date,
    title,
    summary,
    summaryLine,
    titleLine: titleIndex >= 0 ? lines[titleIndex]!.line : null,
    bodyStart,
    note,
    messages,
    partyMarks,
  };
}

/** Party numbers put a hyphen between the number and the type: "36-NQ/TW". */
function partyNumber(number: DocNumber | null): boolean {
  if (!number?.number) return false;
  return (
    new RegExp(`^${number.number.replace(/\./gu, '\\.')}\\s*-\\s*\\p{Lu}`, 'u').test(number.raw) &&
    /\//u.test(number.raw)
  );
}
