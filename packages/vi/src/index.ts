export {
  type Abbreviation,
  DOCUMENT_TYPE_ABBREVIATIONS,
  DOCUMENT_TYPES,
  type DocumentSystem,
  documentTypesOf,
  ISSUER_ABBREVIATIONS,
  ISSUERS,
  isKnownAbbreviation,
  issuersOf,
} from './abbreviations.js';
export {
  decodeLegacy,
  decodeTcvn3,
  decodeVni,
  detectLegacyEncoding,
  type EncodingDetection,
  fixLegacyEncoding,
  type LegacyEncoding,
  type TextEncoding,
} from './legacy.js';
export { cer, editDistance, normalizeForScoring, wer } from './metrics.js';
export { baseLetters, nfc, removeTone, stripMarks } from './normalize.js';
export {
  HEADING_SEPARATORS,
  MERGED_ROMAN,
  ROMAN_LOOKALIKES,
  readsAsRoman,
  repairRoman,
  romanValue,
  toRoman,
} from './roman.js';
export {
  allowedTones,
  type Coda,
  composeSyllable,
  isValidSyllable,
  type LetterCase,
  type Medial,
  type Nucleus,
  ONSETS,
  type Onset,
  type ParseOptions,
  parseSyllable,
  RHYMES,
  type SetToneOptions,
  type Syllable,
  type SyllableParts,
  setTone,
  type TonePlacement,
  toneOf,
} from './syllable.js';
export { type Token, type TokenKind, tokenize } from './tokenize.js';
export { convertToneStyle, countToneStyles, detectToneStyle, type ToneStyleCounts } from './tone-style.js';
export { isTone, TONE_MARKS, TONE_NAMES, TONES, type Tone, type ToneStyle } from './tones.js';
export { allSyllables, diacriticVariants, toneVariants, type VariantOptions } from './variants.js';
