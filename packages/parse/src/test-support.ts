import { normalizeForMatch, type Plan } from '@sohoa/model';

/*
 * Test support (not exported by the package): the "no line lost" check shared by the example tests and the
 * property tests.
 */

/** Every string of a plan, normalised and joined: where the input's lines must end up. */
export function planText(plan: Plan): string {
  const parts: string[] = [];
  const visit = (value: unknown) => {
    // A section's number and heading were one printed line.
    if (value && typeof value === 'object' && 'number' in value && 'heading' in value) {
      const s = value as { number: string; heading: string };
      parts.push(`${s.number} ${s.heading}`);
    }
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(plan);
  return ` ${normalizeForMatch(parts.join(' \n '))} `;
}

// Layout words the model keeps as structure, not text: the quốc hiệu and motto, "Số:", "Nơi nhận:", "Lưu:".
// A flattened two-column header prints the quốc hiệu on the issuer's line ("UBND TỈNH … CỘNG HÒA …"): the
// phrase is taken out wherever it stands, the rest of the line must still be found.
const STRUCTURAL =
  /^(?:CỘNG H(?:OÀ|ÒA) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM|Nơi nhận:)$/iu;
const MOTTO =
  /CỘNG H(?:OÀ|ÒA) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM/gu;

/** The segments of `text` (lines, or layout columns four spaces apart) found nowhere in the plan. */
export function lostLines(text: string, plan: Plan): string[] {
  const all = planText(plan);
  return text
    .split(/\r\n|[\n\r\u2028\u2029\u0085]/u)
    .flatMap((line) => line.split(/\s{4,}/u))
    .map((segment) => segment.trim())
    .filter((segment) => !STRUCTURAL.test(segment))
    .map((segment) => segment.replace(MOTTO, ' '))
    .map((segment) =>
      normalizeForMatch(
        segment
          .replace(/^Số\s*:?\s*/iu, '')
          .replace(/^-?\s*Lưu\s*:?\s*/iu, '')
          .replace(/^Nơi nhận\s*:\s*(?:-\s*)?/iu, ''),
      ),
    )
    .filter((segment) => segment && !all.includes(` ${segment} `) && !all.includes(segment));
}

// Keys whose values the parser derives (ids, enum codes, ISO dates, locations) or writes itself (a message's
// rule and reason): a printed word found only there is lost. `issuers`, a DocNumber's `type` and a
// signature's `prefix` are parsed out of strings kept whole in `raw` and `lines`.
const DERIVED_KEYS = new Set([
  'type',
  'source',
  'code',
  'regime',
  'id',
  'kind',
  'iso',
  'end',
  'section',
  'purpose',
  'leadSource',
  'comparator',
  'prefix',
  'issuers',
  'ruleId',
  'reason',
]);

/** The words of a string as compared by `lostWords`: NFC, lower case, split at punctuation (`normalizeForMatch`). */
function words(text: string): string[] {
  return normalizeForMatch(text).split(' ').filter(Boolean);
}

/** Every word printed in a plan: its string fields other than the derived ones, messages' `text` included. */
export function planWords(plan: Plan): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') for (const word of words(value)) found.add(word);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) if (!DERIVED_KEYS.has(key)) visit(child);
  };
  visit(plan);
  return found;
}

/**
 * The words of `text` found nowhere in the plan (nor in its messages' text), in input order, once each. A
 * word is a whitespace-separated token, NFC, punctuation trimmed and split where it joins two words
 * ("I.MỤC" → "i", "mục"; "36-NQ/TW" → "36", "nq/tw"), lower case: the same on both sides. The layout words
 * the model keeps as structure (see `lostLines`) are not looked for.
 */
export function lostWords(text: string, plan: Plan): string[] {
  const found = planWords(plan);
  const lost = new Set<string>();
  for (const line of text.split(/\r\n|[\n\r\u2028\u2029\u0085]/u)) {
    const segment = line.trim();
    if (STRUCTURAL.test(segment)) continue;
    const printed = segment
      .replace(MOTTO, ' ')
      .replace(/^Số\s*(?::\s*|(?=[\d/]))/iu, '')
      // "Lưu:" also after the ";" that ends a recipient ("- Như Điều 3; - Lưu: VT.").
      .replace(/(^|;)\s*-?\s*Lưu\b\s*:?/giu, '$1 ')
      .replace(/^Nơi nhận\s*:\s*(?:-\s*)?/iu, '');
    for (const word of printed.split(/\s+/u)) for (const w of words(word)) if (!found.has(w)) lost.add(w);
  }
  return [...lost];
}
