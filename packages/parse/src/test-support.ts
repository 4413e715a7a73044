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
