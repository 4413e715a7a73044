import { type DocNumber, type PartialDate, type PlanReference, referenceKey } from '@sohoa/model';
import { parsePartialDate } from './dates.js';
import { docTypeOfWord, parseDocNumber } from './header.js';
import { matchesOf } from './matches.js';
import { clean, fold } from './text.js';

/*
 * Cited documents: "Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị", "Quyết định 1883/QĐ-UBND",
 * "Văn bản số 1289/UBND-TH", and documents cited by name ("Luật Bầu cử đại biểu Quốc hội và …",
 * "Hiến pháp năm 2013"). A provision ("Điều 9 Nghị định số 181/2024/NĐ-CP") cites its document.
 */

const TYPE_WORDS = [
  'Nghị quyết liên tịch',
  'Thông tư liên tịch',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Chỉ thị',
  'Thông tư',
  'Thông tri',
  'Kết luận',
  'Quy định',
  'Quy chế',
  'Hướng dẫn',
  'Kế hoạch',
  'Chương trình hành động',
  'Chương trình',
  'Đề án',
  'Thông báo',
  'Thông cáo',
  'Báo cáo',
  'Tờ trình',
  'Công văn',
  'Công điện',
  'Văn bản',
  'Pháp lệnh',
  'Bộ luật',
  'Luật',
];

/** The kind words in any case ("Nghị quyết", "Nghị Quyết", "NGHỊ QUYẾT"). */
const TYPE_ALT = TYPE_WORDS.map((w) =>
  [...w]
    .map((ch) => (ch === ' ' ? '\\s+' : /\p{L}/u.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch))
    .join(''),
).join('|');
/** A document number token: "36-NQ/TW", "46 - CT/TW", "134 /KH-UBND", "05/2026/VLN/CV-LV", "02". */
const NUMBER = String.raw`[\p{L}\d][\p{L}\d.&]*(?:\s?[-–/]\s?[\p{L}\d][\p{L}\d.&]*)*`;
const DATE = String.raw`(?:,?\s*(?:ban hành\s+)?(?:ngày|Ngày)\s+(?:\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})|,?\s*tháng\s+\d{1,2}\s+năm\s+\d{4})`;

const CITATION = new RegExp(
  String.raw`(?<![\p{L}])(${TYPE_ALT})(?:\s+(?:số|Số)\s*:?\s*(${NUMBER})|\s+(\d+(?:\.\d+)?(?:\/\d{4})?\/[\p{Lu}][\p{L}\d\-/]*|\d+-[\p{Lu}][\p{L}]*\/[\p{L}\d\-/]+))(${DATE})?`,
  'gu',
);

/** Laws and the Constitution cited by name. */
const NAMED =
  /(?<![\p{L}])(Hiến pháp|Bộ luật|Luật)(?:\s+(?!số(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])))([\p{L}][^;.()[\]]*?))?(?=\s*(?:$|[;:.([\]]|,\s*(?:các|gồm|những|Luật|Bộ luật|Nghị|Quyết|Chỉ|Thông|Hướng|Kế|Hiến|và\s+các|ngày)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|\s(?:ngày|năm|số(?=\s*:?\s*\d)|và khoản|và điểm|và Điều|khoản|điểm|Điều|và pháp luật|có liên quan|liên quan|và được|được|về việc|quy định|hướng dẫn|theo|tại|để|đã|nhằm|trong|đến|thì|sau|sẽ|và Luật|và Nghị|và các|và Thông|và Hiến)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|\s*\d))/gu;

export interface ReferenceContext {
  /** Location id of the text (section id, `preamble`, `summary`, `fn1` …). */
  section: string;
  line?: number;
}

interface Found {
  reference: PlanReference;
  index: number;
  end: number;
}

function issuerAfter(text: string): string | null {
  const m =
    /^\s*,?\s*(?:của|do)\s+([^;:()]+?)(?=\s+(?:về|Về|quy định|hướng dẫn|ban hành|V\/v|về việc|Về việc|phê duyệt|thực hiện|triển khai)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))|[;:.(),]|\s+và\s+(?:các|những|\p{Ll})|$)/u.exec(
      text,
    );
  if (!m) return null;
  const issuer = m[1]!.trim();
  return issuer && issuer.split(' ').length <= 16 ? issuer : null;
}

/** Every citation in a text, in order. */
export function findReferences(input: string, context: ReferenceContext): PlanReference[] {
  const text = clean(input);
  const found: Found[] = [];
  for (const m of matchesOf(CITATION, text)) {
    const typeWord = m[1]!.replace(/\s+/gu, ' ');
    let rawNumber = (m[2] ?? m[3] ?? '').trim();
    // "số 02 ngày …": a bare number; "46 - CT/TW": keep as printed.
    rawNumber = rawNumber.replace(/\s+(?:ngày|Ngày)$/u, '');
    if (!/\d/u.test(rawNumber)) continue;
    const number = parseDocNumber(rawNumber);
    if (!number) continue;
    const dateText = m[4] ? m[4].replace(/^,?\s*(?:ban hành\s+)?/u, '') : null;
    const date: PartialDate | null = dateText ? parsePartialDate(dateText) : null;
    let end = m.index + m[0].length;
    const issuer = issuerAfter(text.slice(end));
    if (issuer) {
      const im = text.slice(end).indexOf(issuer);
      end += im + issuer.length;
    }
    found.push({
      reference: {
        docType: { code: docTypeOfWord(typeWord), label: typeWord },
        number,
        date,
        issuer,
        name: null,
        text: text.slice(m.index, end).replace(/[,;\s]+$/u, ''),
        section: context.section,
        ...(context.line !== undefined ? { line: context.line } : {}),
      },
      index: m.index,
      end,
    });
  }
  // A shared issuer: "Quyết định số 1902/QĐ-UBND … và Quyết định số 2339/QĐ-UBND … của UBND tỉnh Lào Cai".
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i]!;
    const b = found[i + 1]!;
    if (!a.reference.issuer && b.reference.issuer && /^\s*(?:và|,)\s*$/u.test(text.slice(a.end, b.index))) {
      a.reference.issuer = b.reference.issuer;
    }
  }

  for (const m of matchesOf(NAMED, text)) {
    const start = m.index;
    // Skip a type word that is the start of a numbered citation already found ("Luật số 83/2025/QH15").
    if (found.some((f) => start >= f.index && start < f.end)) continue;
    // "Luật số 146/2025/QH15 của Quốc hội: Luật sửa đổi, …": the name of the numbered law just cited.
    const lastFound = found.filter((f) => f.end <= start).sort((a, b) => b.end - a.end)[0];
    if (lastFound && /:\s*$/u.test(text.slice(lastFound.end, start)) && start - lastFound.end < 40) continue;
    const word = m[1]!;
    let name = clean(`${word} ${m[2] ?? ''}`);
    // A long name runs on past a comma into the sentence: cut at the first comma after four words.
    const words = name.split(' ');
    if (words.length > 17) {
      const cutAt = words.findIndex((w, k) => k >= 3 && w.endsWith(','));
      if (cutAt >= 0)
        name = words
          .slice(0, cutAt + 1)
          .join(' ')
          .replace(/,$/u, '');
    }
    // "(sửa đổi)" belongs to the name.
    const after = text.slice(m.index + m[0].length);
    const amended = /^\s*\(sửa đổi[^)]*\)/u.exec(after);
    if (amended && word !== 'Hiến pháp') name = `${name} ${amended[0].trim()}`;
    if (word === 'Hiến pháp') name = 'Hiến pháp';
    if (word !== 'Hiến pháp' && name.split(' ').length < 2) continue;
    if (
      /^Luật\s+(?:này|nêu trên|trên|hiện hành|và|định|sư|pháp|liên quan|chuyên ngành)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u.test(
        name,
      )
    )
      continue;
    // A numbered law cited with its name first: "Luật Bầu cử … số 85/2015/QH13" is the numbered one.
    const numbered = /^\s*(?:,\s*)?số\s+(\d[\p{L}\d/\-.]*)/u.exec(after);
    let number: DocNumber | null = null;
    if (numbered) number = parseDocNumber(numbered[1]!);
    const dateMatch =
      /^\s*(?:,?\s*số\s+[\p{L}\d/\-.]+)?\s*,?\s*(?:ngày|Ngày)\s+(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u.exec(
        after,
      );
    const date = dateMatch ? parsePartialDate(`ngày ${dateMatch[1]}`) : null;
    const printedEnd = m.index + m[0].length + (amended && word !== 'Hiến pháp' ? amended[0].length : 0);
    found.push({
      reference: {
        docType: { code: docTypeOfWord(word), label: word },
        number,
        date,
        issuer: null,
        name,
        text: text.slice(m.index, printedEnd).trim() || word,
        section: context.section,
        ...(context.line !== undefined ? { line: context.line } : {}),
      },
      index: m.index,
      end: printedEnd,
    });
  }
  found.sort((a, b) => a.index - b.index);
  return found.map((f) => f.reference);
}

function nameTokens(name: string): { amend: boolean; tokens: string[] } {
  const f = fold(name)
    .replace(/(?<![\p{L}])mttq(?![\p{L}])/gu, 'mặt trận tổ quốc')
    .replace(/(?<![\p{L}])ubnd(?![\p{L}])/gu, 'ủy ban nhân dân')
    .replace(/(?<![\p{L}])hđnd(?![\p{L}])/gu, 'hội đồng nhân dân')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const m =
    /^(.*(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))của\s+)(luật\s.*)$/u.exec(f);
  if (m && /sửa đổi|sử đổi|bổ sung/u.test(m[1]!)) return { amend: true, tokens: m[2]!.split(' ') };
  return { amend: false, tokens: f.split(' ') };
}

/** Whether two names cite the same document: one is the other's short form ("Luật Bầu cử năm 2015"). */
export function sameName(a: string, b: string): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.amend !== y.amend) return false;
  const [short, long] = x.tokens.length <= y.tokens.length ? [x.tokens, y.tokens] : [y.tokens, x.tokens];
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  if (common === short.length) return true;
  return common >= 5 && common >= 0.5 * short.length;
}

/**
 * Keep each cited document once, at its first mention (by `referenceKey`; names also match their short
 * forms), and drop the document's own number.
 */
export function dedupeReferences(references: PlanReference[], own: DocNumber | null): PlanReference[] {
  const out: PlanReference[] = [];
  const ownKey = own?.number ? own.raw.replace(/\s+/gu, '').toUpperCase() : null;
  for (const reference of references) {
    const key = referenceKey(reference);
    if (ownKey && key === ownKey) continue;
    const existing = out.find((r) => {
      if (referenceKey(r) === key) return true;
      // A law cited by name refers back to the same law cited earlier, with or without its number.
      if (!reference.number && r.name && reference.name) return sameName(r.name, reference.name);
      if (reference.number && !r.number && r.name && reference.name) return sameName(r.name, reference.name);
      return false;
    });
    if (existing) {
      if (!existing.date && reference.date) existing.date = reference.date;
      // The full name (or the number) replaces a short form cited first.
      if (!existing.number && reference.number) existing.number = reference.number;
      if (
        !existing.number &&
        existing.name &&
        reference.name &&
        nameTokens(reference.name).tokens.join(' ').startsWith(nameTokens(existing.name).tokens.join(' '))
      ) {
        existing.name = reference.name;
      }
      continue;
    }
    out.push(reference);
  }
  return out;
}
