/**
 * Punctuation OCR misreads in a way its position gives away: a quotation mark standing alone
 * between two words ("chính trị “ xã hội") quotes nothing — an opening quote sticks to the word
 * after it, a closing one to the word before — and is the dash of "chính trị - xã hội".
 */

export interface PunctuationRepair {
  start: number;
  end: number;
  raw: string;
  replacement: string;
  confidence: number;
  note: string;
}

const LONE_QUOTE = /(?<=[\p{L}\p{N}][ \t]+)[“”„"«»](?=[ \t]+[\p{L}\p{N}])/gu;

export function repairPunctuation(text: string): PunctuationRepair[] {
  const out: PunctuationRepair[] = [];
  for (const m of text.matchAll(LONE_QUOTE)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      raw: m[0],
      replacement: '-',
      confidence: 0.8,
      note: 'a quotation mark between spaces quotes nothing: a dash',
    });
  }
  return out;
}
