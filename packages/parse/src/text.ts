/*
 * Small text helpers shared by the parser modules: whitespace, case, and the closed sets of words that
 * Vietnamese administrative documents are built from.
 */

/** NFC, tabs and non-breaking spaces to spaces, runs of spaces collapsed, trimmed. */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\t\u00a0\u2007\u202f]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const LETTER = /\p{L}/u;

/** True when the text has letters and none of them is lower case ("KẾ HOẠCH", "UBND TỈNH LÀO CAI"). */
export function isAllCaps(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (ch !== ch.toUpperCase()) return false;
  }
  return letters > 0;
}

/** Starts with a lower-case letter. */
export function startsLower(text: string): boolean {
  const first = text.trimStart()[0];
  return (
    first !== undefined &&
    LETTER.test(first) &&
    first === first.toLowerCase() &&
    first !== first.toUpperCase()
  );
}

/** Lower case, NFC, the two tone placements of "uỷ/ủy", "hoà/hòa" … unified, for comparing words. */
export function fold(text: string): string {
  // Only open syllables differ between the two styles: "hoà"/"hòa", "uỷ"/"ủy"; "hoàn", "đoàn" never do.
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(
      /([ou])([àáảãạèéẻẽẹỳýỷỹỵ])(?![\p{L}])/gu,
      (_, v: string, t: string) => OLD_TO_NEW[`${v}${t}`] ?? `${v}${t}`,
    );
}

const OLD_TO_NEW: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};

/** Bullet markers kept at the start of paragraphs. */
export const BULLET = /^(?:[-+*•–—―]|\(\s*(?:[ivx]+|\d{1,2}|[a-zđ])\s*\))\s*/u;

/** The bullet marker at the start of a paragraph, or "". */
export function bulletOf(text: string): string {
  const m = BULLET.exec(text);
  return m ? m[0] : '';
}

/** A paragraph without its bullet marker. */
export function stripBullet(text: string): string {
  return text.replace(BULLET, '').trim();
}

/** Drop a final period / "./." / ";" and spaces. */
export function stripFinalPunctuation(text: string): string {
  return text.replace(/[\s.;,:/]+$/u, '').trim();
}
