import type {
  AuthorityPrefix,
  PlanMessage,
  PlanRecipient,
  PlanSignature,
  RecipientPurpose,
} from '@sohoa/model';
import { ATTACHED_TITLE } from './attached-title.js';
import type { SourceLine } from './lines.js';
import { clean, fold, isAllCaps } from './text.js';

/*
 * The closing block: "Nơi nhận:" (recipients, each with its marker "(báo cáo)", "(để b/c)", "(T/h)"; the
 * "Lưu: VT, …" line) and the signature ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name).
 * In layout text the two sit side by side; in flattened text they follow each other.
 */

export const RECIPIENTS_START = /^Nơi\s+nhận\s*[:.]?\s*(.*)$/iu;
export const AUTHORITY = /^(T\/M|T\.M|(?:TM|KT|TL|TUQ|Q)(?=\s*[.:]))\s*[.:]?\s*(\S.*)$/u;

export function isAuthorityLine(text: string): boolean {
  const m = AUTHORITY.exec(clean(text));
  if (!m) return false;
  if (isAllCaps(m[2]!) && m[2]!.length < 80) return true;
  // A copy that runs the signer's title and name into one line: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Văn A …".
  const caps = /^(?:[\p{Lu}\d.,\-–]+\s+){2,}(?=\p{Lu}\p{Ll})/u.exec(m[2]!);
  return caps !== null && caps[0].length < 80;
}

const SURNAMES = new Set(
  (
    'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn trịnh lương mai cao lâm tạ hà ' +
    'đào chu vương triệu tô kiều thái quách la lưu trương tăng đàm khổng lò hứa nông lục tống giáp mạc sầm vi lã ' +
    'phùng thân đồng bế ma diệp mẫn lại nghiêm từ doãn tôn khúc cù quan âu kim bạch lữ giang châu bành đậu hầu ' +
    'khương lạc ninh phí thạch trình tiêu vòng hàn lường sùng thào giàng mùa vàng cầm lìu hoàng'
  ).split(' '),
);

/** A person's name: 2–6 words, capitalised (one lower-case word allowed), starting with a Vietnamese surname. */
export function isPersonName(input: string): boolean {
  const text = clean(input).replace(/[.]$/u, '');
  if (!text || /[\d:;,()/]/u.test(text)) return false;
  const words = text.split(' ');
  if (words.length < 2 || words.length > 6) return false;
  if (!SURNAMES.has(fold(words[0]!))) return false;
  let lower = 0;
  for (const w of words) {
    if (!/^\p{Lu}/u.test(w)) lower++;
  }
  if (lower > 1 || !/^\p{Lu}/u.test(words[0]!)) return false;
  // "HÀ NỘI" in capitals could be a place; names in capitals are rare but allowed when short.
  return !(isAllCaps(text) && words.length > 4);
}

/** A name by its shape only: 2–5 capitalised words, not all upper case, no digits or punctuation. */
export function looksLikeName(input: string): boolean {
  const text = clean(input);
  if (!text || /[\d:;,()/.]/u.test(text) || isAllCaps(text)) return false;
  const words = text.split(' ');
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length - 1 &&
    /^\p{Lu}/u.test(words[0]!)
  );
}

const SIGNATURE_NOTE =
  /^\(?\s*(?:Đã ký|đã ký|Ký tên|ký tên|Ký,|ký,|Ký và|ký và|Ghi rõ|ghi rõ|Đóng dấu|đóng dấu|Chữ ký|chữ ký)[^)]*\)?$|^\[?(?:daky|đã ký)\]?$/u;

function purposeOf(marker: string): RecipientPurpose | null {
  const m = fold(marker).replace(/\s+/gu, ' ');
  if (/b\s*\/\s*c|báo cáo/u.test(m)) return 'report';
  if (/t\s*\/\s*h|thực hiện/u.test(m)) return 'execute';
  if (/p\s*\/\s*h|phối hợp/u.test(m)) return 'coordinate';
  if (/để biết|theo dõi|để t\/d|đ\/b|giám sát/u.test(m)) return 'inform';
  return null;
}

/** One "Nơi nhận" entry: name, marker, purpose; the "Lưu:" line is the archive. */
export function parseRecipient(input: string): PlanRecipient | null {
  let text = clean(input)
    .replace(/^[-+•*–]\s*/u, '')
    .trim();
  if (!text) return null;
  const archive = /^Lưu\s*:?\s*(.*)$/iu.exec(text);
  if (archive) {
    const name = archive[1]!.replace(/[.;,]+$/u, '').trim();
    return { name: name || 'Lưu', marker: null, purpose: 'archive' };
  }
  text = text.replace(/[;,.]+$/u, '').trim();
  let marker: string | null = null;
  const m = /^(.*?)\s*\(\s*([^()]+?)\s*\)\s*[;,.]?$/u.exec(text);
  if (m && purposeOf(m[2]!)) {
    marker = m[2]!;
    text = m[1]!.trim();
  }
  text = text.replace(/[;,.]+$/u, '').trim();
  if (!text) return null;
  return { name: text, marker, purpose: marker ? purposeOf(marker) : null };
}

export interface ClosingResult {
  recipients: PlanRecipient[];
  signature: PlanSignature | null;
  /** Index of the first line after the closing block. */
  end: number;
  /** The title of a plan glued to the last line of the signature, when a copy merged them. */
  attachedTitle: { text: string; note: string | null; line: number } | null;
  messages: PlanMessage[];
}

interface Piece {
  text: string;
  line: number;
  column: 'left' | 'right' | 'main';
}

/** Read the closing block from `start` (a "Nơi nhận" or authority line). */
export function parseClosing(lines: readonly SourceLine[], start: number, layout: boolean): ClosingResult {
  const messages: PlanMessage[] = [];
  // The block ends at a blank line after which nothing looks like recipients or a signature, at a footnote,
  // or at an appendix.
  const pieces: Piece[] = [];
  let end = lines.length;
  let sawSignature = false;
  let sawName = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text) {
      let k = i + 1;
      while (k < lines.length && !lines[k]!.text) k++;
      const next = lines[k]?.text ?? '';
      const closingLike =
        next !== '' &&
        (/^[-+•]/u.test(next) ||
          RECIPIENTS_START.test(next) ||
          isAuthorityLine(next) ||
          SIGNATURE_NOTE.test(next) ||
          (!sawName && (isPersonName(next) || (sawSignature && looksLikeName(next)))) ||
          (!sawName &&
            sawSignature &&
            isAllCaps(next) &&
            next.length <= 60 &&
            !/^PHỤ LỤC(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u.test(next)));
      if (!closingLike) {
        end = i;
        break;
      }
      i = k - 1;
      continue;
    }
    // After the signature, a numbered heading or a document's type line starts what is attached to it.
    if (
      sawSignature &&
      (ATTACHED_TITLE.test(line.text.trim()) ||
        /^(?:[IVX]{1,4}|\d{1,2})[.)]\s+\S/u.test(line.text) ||
        /^Điều\s+\d+/u.test(line.text))
    ) {
      end = i;
      break;
    }
    if (
      i > start &&
      (/^\[\d+\]/u.test(line.text) ||
        /^(?:PHỤ LỤC|Phụ lục)(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/u.test(
          line.text,
        ))
    ) {
      end = i;
      break;
    }
    const segs = line.segments;
    for (const seg of segs) {
      let column: Piece['column'] = seg.column === 'right' ? 'right' : segs.length > 1 ? 'left' : 'main';
      if (segs.length === 1 && layout && line.indent >= 25) column = 'right';
      pieces.push({ text: seg.text, line: line.line, column });
      if (isAuthorityLine(seg.text)) sawSignature = true;
      if (sawSignature && (isPersonName(seg.text) || looksLikeName(seg.text))) sawName = true;
    }
  }

  const recipients: PlanRecipient[] = [];
  const sigLines: string[] = [];
  const authority: PlanSignature['authority'] = [];
  let title: string | null = null;
  let name: string | null = null;
  let inRecipients = false;
  let recipientsSeen = false;
  let pendingRecipient: string | null = null;
  let pendingLine = 0;
  const flushRecipient = () => {
    if (pendingRecipient !== null) {
      for (const part of splitRecipientLine(pendingRecipient)) {
        const r = parseRecipient(part);
        if (r) recipients.push(r);
        // A marker without a name ("(để b/c)" alone) is no recipient, but it was printed: keep it.
        else if (/[\p{L}\p{N}]/u.test(part))
          messages.push({
            ruleId: 'unplaced-text',
            reason: 'Recipient entry without a name',
            line: pendingLine,
            text: clean(part),
          });
      }
    }
    pendingRecipient = null;
  };
  const ordered = [
    ...pieces.filter((p) => p.column !== 'right'),
    ...pieces.filter((p) => p.column === 'right'),
  ];
  let afterName = false;
  for (const piece of ordered) {
    const text = piece.text;
    const start = RECIPIENTS_START.exec(text);
    if (start) {
      flushRecipient();
      inRecipients = true;
      recipientsSeen = true;
      if (start[1]) {
        pendingRecipient = start[1];
        pendingLine = piece.line;
      }
      continue;
    }
    const auth = AUTHORITY.exec(text);
    if (auth && isAllCaps(auth[2]!)) {
      flushRecipient();
      inRecipients = false;
      const raw = auth[1]!.replace(/[\s.]/gu, '').toUpperCase();
      const prefix = (raw === 'T/M' ? 'TM' : raw) as AuthorityPrefix;
      authority.push({ prefix, of: auth[2]!.trim() });
      sigLines.push(text);
      continue;
    }
    if (
      piece.column !== 'right' &&
      recipientsSeen &&
      (/^[-+•*–]/u.test(text) ||
        /^Lưu(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))/iu.test(text))
    ) {
      flushRecipient();
      inRecipients = true;
      pendingRecipient = text;
      pendingLine = piece.line;
      continue;
    }
    if (
      piece.column !== 'right' &&
      inRecipients &&
      pendingRecipient !== null &&
      !isPersonName(text) &&
      !(isAllCaps(text) && authority.length > 0) &&
      (/[,]$/u.test(pendingRecipient) || !/[;.]$/u.test(pendingRecipient) || /^\p{Ll}/u.test(text))
    ) {
      pendingRecipient = `${pendingRecipient} ${text}`;
      continue;
    }
    // Signature lines.
    if (
      name === null &&
      (isPersonName(text) || (authority.length + (title ? 1 : 0) > 0 && !inRecipients && looksLikeName(text)))
    ) {
      flushRecipient();
      inRecipients = false;
      name = clean(text);
      sigLines.push(text);
      afterName = true;
      continue;
    }
    if (SIGNATURE_NOTE.test(text)) {
      sigLines.push(text);
      continue;
    }
    if (isAllCaps(text) && (authority.length > 0 || piece.column === 'right' || !inRecipients)) {
      flushRecipient();
      inRecipients = false;
      if (title === null && !afterName) title = text;
      sigLines.push(text);
      continue;
    }
    if (inRecipients && piece.column !== 'right') {
      flushRecipient();
      pendingRecipient = text;
      pendingLine = piece.line;
      continue;
    }
    messages.push({ ruleId: 'unplaced-text', reason: 'Closing text not recognised', line: piece.line, text });
  }
  flushRecipient();
  // A signer with a name but no title line: the last upper-case authority is the title ("TM. …" / "CHỦ TỊCH").
  const signature: PlanSignature | null =
    sigLines.length > 0 ? { authority, title, name, lines: sigLines.map(clean).filter(Boolean) } : null;
  // A web copy may glue the attached plan's title to the signer's line ("… Đinh Văn A KẾ HOẠCH TRIỂN KHAI …").
  let attachedTitle: ClosingResult['attachedTitle'] = null;
  const last = pieces[pieces.length - 1];
  if (last && sawSignature) {
    const m = GLUED_TITLE.exec(last.text);
    if (m) attachedTitle = { text: m[1]!.trim(), note: m[2] ? clean(m[2]) : null, line: last.line };
  }
  return { recipients, signature, end, messages, attachedTitle };
}

/** A document's type line and title glued at the end of a line: "… KẾ HOẠCH TRIỂN KHAI THỰC HIỆN …". */
const GLUED_TITLE =
  /\s((?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUY CHẾ|QUY ĐỊNH|PHƯƠNG ÁN)(?:\s+[\p{Lu}\d][\p{Lu}\d,\-–/.]*){2,})(?:\s*(\((?:Ban hành\s+)?kèm theo[^)]*\)?))?\s*$/iu;

/** "- Báo và PT, TH tỉnh; Cổng TTĐT tỉnh;" → two entries (split at ";" inside a line). */
function splitRecipientLine(text: string): string[] {
  const t = clean(text);
  // The archive line is one entry whatever its separators ("Lưu: VT; P.TH").
  if (/^Lưu\s*:/iu.test(t)) return [t];
  const parts = t.split(/;\s*(?=\S)/u);
  if (parts.length <= 1) return [t];
  return parts.map((p, i) => (i < parts.length - 1 ? `${p};` : p));
}
