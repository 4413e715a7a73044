/**
 * Personal names, which the corrector leaves as printed: a name is spelt as its bearer spells it
 * (Thúy and Thủy are both names), so no language model can say it was misread. Names are found by
 * their shape in the places administrative documents put them — never from a list of names:
 * - after a form of address: ông, bà, anh, chị, đồng chí, đ/c, Ông/Bà (`bà Lê Thị Thúy`);
 * - after an office title (`Phó Chủ tịch Nguyễn Văn An,`), when the capitalised run looks like a
 *   name rather than a body: at least two syllables ending the phrase, or three and more (a body
 *   capitalises only its first syllables: `Giám đốc Sở Tài chính`);
 * - in a signature block: the lines after `TM.`, `KT.`, `TL.`, `T/M`, `Q.`, `TUQ.` or an office
 *   title in capitals (`CHỦ TỊCH`), up to the first blank-line gap after a name;
 * - the last lines of a document when they are only a capitalised name.
 * A name is a run of capitalised syllables (`Nguyễn Thị Thúy`, `NGUYỄN THỊ THÚY`).
 */

export interface NameSpan {
  start: number;
  end: number;
}

/** A capitalised word: a capital then small letters, or all capitals (letters and marks only). */
const CAP = String.raw`\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}[\p{Lu}\p{M}]*`;
const RUN = String.raw`(?:${CAP})(?:[ \t]+(?:${CAP}))*`;

/** Forms of address before a name. */
const ADDRESS = String.raw`(?:[Ôô]ng\/[Bb]à|[Bb]à\/[Ôô]ng|[Đđ]ồng chí|[Đđ]\/[Cc]|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị)`;

/** Office titles (chức vụ), in sentence case or capitals. */
const TITLE = String.raw`(?:(?:[Pp]hó|PHÓ|[Tt]ổng|TỔNG)[ \t]+)?(?:[Cc]hủ tịch|CHỦ TỊCH|[Gg]iám đốc|GIÁM ĐỐC|[Bb]í thư|BÍ THƯ|[Tt]rưởng (?:ban|phòng|đoàn)|TRƯỞNG (?:BAN|PHÒNG|ĐOÀN)|[Bb]ộ trưởng|BỘ TRƯỞNG|[Tt]hứ trưởng|THỨ TRƯỞNG|[Cc]hánh [Vv]ăn phòng|CHÁNH VĂN PHÒNG|[Cc]hủ nhiệm|CHỦ NHIỆM|[Hh]iệu trưởng|HIỆU TRƯỞNG|[Tt]hủ trưởng|THỦ TRƯỞNG|[Tt]hủ tướng|THỦ TƯỚNG)`;

const AFTER_ADDRESS = new RegExp(String.raw`(?<![\p{L}\p{M}])${ADDRESS}[ \t]+(${RUN})`, 'gu');
const AFTER_TITLE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])${TITLE}[ \t]+(${RUN})(?=([ \t]*[^\p{L}\p{M}\s]|[ \t]*$|[ \t]+[\p{Ll}]))`,
  'gmu',
);
/** A line that opens a signature block. */
const SIGNATURE_OPENER = new RegExp(
  String.raw`^[ \t]*(?:(?:TM|KT|TL|TUQ|Q)\.|T\/M[ \t.]|${TITLE}(?![\p{L}\p{M}]))`,
  'u',
);
/** A line that is only a name: two to five capitalised syllables. */
const NAME_LINE = new RegExp(String.raw`^[ \t]*((?:${CAP})(?:[ \t]+(?:${CAP})){1,4})[ \t]*$`, 'u');
const TITLE_LINE = new RegExp(String.raw`(?<![\p{L}\p{M}])${TITLE}(?![\p{L}\p{M}])`, 'u');

/** Lines of a signature block searched for the name after its opener. */
const SIGNATURE_LINES = 8;

/** The spans of personal names in `text`, in order, without overlaps. */
export function findNames(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const m of text.matchAll(AFTER_ADDRESS)) {
    const run = m[1]!;
    spans.push({ start: m.index + m[0].length - run.length, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(AFTER_TITLE)) {
    const run = m[1]!;
    const syllables = run.split(/[ \t]+/).length;
    // A lower-case word after the run continues a body's name (Sở Tài chính) unless the run is long.
    const continues = /^[ \t]+\p{Ll}/u.test(m[2] ?? '');
    if (syllables < 2 || (continues && syllables < 3)) continue;
    spans.push({ start: m.index + m[0].length - run.length, end: m.index + m[0].length });
  }
  signatureNames(text, spans);
  return merge(spans);
}

/** Name lines of signature blocks, and the document's closing name lines. */
function signatureNames(text: string, spans: NameSpan[]): void {
  const lines: { start: number; text: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: at, text: line });
    at += line.length + 1;
  }
  const nameAt = (k: number) => {
    const line = lines[k]!;
    const m = NAME_LINE.exec(line.text);
    if (m === null || TITLE_LINE.test(line.text)) return false;
    const start = line.start + m.index + m[0].indexOf(m[1]!);
    spans.push({ start, end: start + m[1]!.length });
    return true;
  };
  for (let k = 0; k < lines.length; k++) {
    if (!SIGNATURE_OPENER.test(lines[k]!.text)) continue;
    for (let j = k + 1; j < lines.length && j <= k + SIGNATURE_LINES; j++) {
      if (lines[j]!.text.includes('\f')) break;
      nameAt(j);
    }
  }
  // The document's last lines, when they are a name (a signature whose title OCR lost).
  let seen = 0;
  for (let k = lines.length - 1; k >= 0 && seen < 2; k--) {
    if (lines[k]!.text.trim() === '') continue;
    seen++;
    if (!nameAt(k)) break;
  }
}

function merge(spans: NameSpan[]): NameSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NameSpan[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last !== undefined && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
