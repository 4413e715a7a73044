import {
  CHAR_INFO,
  INFO_LETTER_MASK,
  INFO_TONE_SHIFT,
  INFO_UPPER,
  isCombiningMark,
  L_A,
  L_AA,
  L_AW,
  L_D,
  L_DD,
  L_E,
  L_EE,
  L_O,
  L_OO,
  L_OW,
  L_U,
  L_UW,
  LETTERS,
  nfcIfNeeded,
  TABLE_SIZE,
  toneLetter,
} from './letters.js';

/**
 * Canonical composition. OCR engines, PDF text layers and macOS file names hand out NFD
 * (ặ = a + U+0323 + U+0306): two spellings of one word must compare equal.
 */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Remove tone marks only: "Việt" → "Viêt", "ĐẢNG" → "ĐÂNG"; vowel marks and đ stay. Returns NFC. */
export function removeTone(text: string): string {
  const s = nfcIfNeeded(text);
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const info = code < TABLE_SIZE ? CHAR_INFO[code]! : 0;
    if (((info >> INFO_TONE_SHIFT) & 7) === 0) continue;
    out += s.slice(last, i) + toneLetter(info & INFO_LETTER_MASK, 0, (info & INFO_UPPER) !== 0);
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Vietnamese letter → its bare Latin letter (ơ → o, đ → d). */
const BARE = LETTERS.map((letter, idx) => {
  switch (idx) {
    case L_AW:
    case L_AA:
      return LETTERS[L_A];
    case L_EE:
      return LETTERS[L_E];
    case L_OO:
    case L_OW:
      return LETTERS[L_O];
    case L_UW:
      return LETTERS[L_U];
    case L_DD:
      return LETTERS[L_D];
    default:
      return letter;
  }
});

/**
 * Remove every diacritic, tone and vowel marks alike, keeping case: "Đường" → "Duong".
 * Other accented Latin letters lose their marks too (é → e), so the result of Vietnamese or
 * French text is plain ASCII letters.
 */
export function stripMarks(text: string): string {
  const s = nfcIfNeeded(text);
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) continue;
    const info = code < TABLE_SIZE ? CHAR_INFO[code]! : 0;
    let bare: string;
    if (info !== 0) {
      const letter = BARE[info & INFO_LETTER_MASK]!;
      bare = info & INFO_UPPER ? letter.toUpperCase() : letter;
    } else {
      const decomposed = s[i]!.normalize('NFD');
      bare = '';
      for (let j = 0; j < decomposed.length; j++) {
        if (!isCombiningMark(decomposed.charCodeAt(j))) bare += decomposed[j];
      }
    }
    if (bare === s[i]) continue;
    out += s.slice(last, i) + bare;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * The key that groups spellings differing only in diacritics: `stripMarks` and lower case.
 * "Tiền", "TIẾN" and "tiên" all give "tien".
 */
export function baseLetters(text: string): string {
  return stripMarks(text).toLowerCase();
}
