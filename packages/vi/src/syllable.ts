/**
 * The Vietnamese syllable: (onset) (medial) nucleus (coda) + tone, decided by spelling rules alone,
 * without a dictionary. `parseSyllable` runs on every token when the language model is built, so it
 * reads each character once through typed-array tables, matches the onset with a switch and looks
 * the rest up as one packed integer in a precomputed rhyme table: O(length), no regex.
 */

import {
  CHAR_INFO,
  INFO_LETTER_MASK,
  INFO_TONE_SHIFT,
  INFO_UPPER,
  isVowelLetter,
  L_B,
  L_C,
  L_D,
  L_DD,
  L_E,
  L_EE,
  L_G,
  L_H,
  L_I,
  L_K,
  L_L,
  L_M,
  L_N,
  L_P,
  L_Q,
  L_R,
  L_S,
  L_T,
  L_U,
  L_V,
  L_X,
  L_Y,
  LETTER_BITS,
  letterOf,
  nfcIfNeeded,
  TABLE_SIZE,
  TONE_INDEX,
  toneLetter,
} from './letters.js';
import { TONES, type Tone, type ToneStyle } from './tones.js';

export type Onset =
  | ''
  | 'b'
  | 'c'
  | 'ch'
  | 'd'
  | 'đ'
  | 'g'
  | 'gh'
  | 'gi'
  | 'h'
  | 'k'
  | 'kh'
  | 'l'
  | 'm'
  | 'n'
  | 'ng'
  | 'ngh'
  | 'nh'
  | 'p'
  | 'ph'
  | 'qu'
  | 'r'
  | 's'
  | 't'
  | 'th'
  | 'tr'
  | 'v'
  | 'x';

/** The glide /w/, written o before a ă e and u before â ê y ơ. After q it belongs to the onset "qu". */
export type Medial = '' | 'o' | 'u';

export type Nucleus =
  | 'a'
  | 'ă'
  | 'â'
  | 'e'
  | 'ê'
  | 'i'
  | 'y'
  | 'o'
  | 'ô'
  | 'ơ'
  | 'u'
  | 'ư'
  | 'ia'
  | 'ya'
  | 'iê'
  | 'yê'
  | 'ua'
  | 'uô'
  | 'ưa'
  | 'ươ'
  | 'oo';

export type Coda = '' | 'c' | 'ch' | 'm' | 'n' | 'ng' | 'nh' | 'p' | 't' | 'i' | 'y' | 'o' | 'u';

export type LetterCase = 'lower' | 'upper' | 'title' | 'mixed';

/**
 * Where the tone mark sits: `'old'` or `'new'` when the syllable is one of those the two styles
 * write differently (hòa / hoà), `'any'` when both agree (or there is no mark), `'misplaced'` when
 * it is on another vowel ("hóan" for "hoán"; only returned with `strictTonePlacement: false`).
 */
export type TonePlacement = 'any' | ToneStyle | 'misplaced';

export interface SyllableParts {
  onset: Onset;
  medial: Medial;
  nucleus: Nucleus;
  coda: Coda;
  tone: Tone;
}

export interface Syllable extends SyllableParts {
  /** Medial + nucleus + coda as written, lower case, no tone ("oan"; "in" for "gìn", whose i is shared). */
  rhyme: string;
  case: LetterCase;
  /** Index of the letter carrying the tone mark in the NFC form of the input; -1 when ngang. */
  toneIndex: number;
  placement: TonePlacement;
}

export interface ParseOptions {
  /** Reject a tone mark on a vowel neither style uses ("hóan"). Default true. */
  strictTonePlacement?: boolean;
}

export const ONSETS: readonly Onset[] = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];

/**
 * Every rhyme (medial + nucleus + coda) as written after an onset other than qu. The closed list
 * encodes the combination rules at once: ă and â need a coda, ch/nh follow only a ê i y, diphthongs
 * iê yê uô ươ need a coda while ia ua ưa take none, medial o goes before a ă e and u before â ê y ơ.
 * Rare loan rhymes (oong, ooc, uyp) are in; rhymes only found in interjections are out.
 */
// biome-ignore format: one line per nucleus reads as the table it is
export const RHYMES: readonly string[] = [
  // a ă â
  'a', 'ac', 'ach', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'ap', 'at', 'au', 'ay',
  'ăc', 'ăm', 'ăn', 'ăng', 'ăp', 'ăt',
  'âc', 'âm', 'ân', 'âng', 'âp', 'ât', 'âu', 'ây',
  // e ê
  'e', 'ec', 'em', 'en', 'eng', 'eo', 'ep', 'et',
  'ê', 'êch', 'êm', 'ên', 'ênh', 'êp', 'êt', 'êu',
  // i y iê yê ia
  'i', 'ia', 'ich', 'im', 'in', 'inh', 'ip', 'it', 'iu',
  'iêc', 'iêm', 'iên', 'iêng', 'iêp', 'iêt', 'iêu',
  'y', 'yêm', 'yên', 'yêng', 'yêt', 'yêu',
  // o ô ơ oo
  'o', 'oc', 'oi', 'om', 'on', 'ong', 'op', 'ot',
  'ooc', 'oong',
  'ô', 'ôc', 'ôi', 'ôm', 'ôn', 'ông', 'ôp', 'ôt',
  'ơ', 'ơi', 'ơm', 'ơn', 'ơp', 'ơt',
  // u ư ua uô ưa ươ
  'u', 'ua', 'uc', 'ui', 'um', 'un', 'ung', 'up', 'ut',
  'uôc', 'uôi', 'uôm', 'uôn', 'uông', 'uôt',
  'ư', 'ưa', 'ưc', 'ưi', 'ưm', 'ưng', 'ưt', 'ưu',
  'ươc', 'ươi', 'ươm', 'ươn', 'ương', 'ươp', 'ươt', 'ươu',
  // medial o
  'oa', 'oac', 'oach', 'oai', 'oam', 'oan', 'oang', 'oanh', 'oao', 'oap', 'oat', 'oay',
  'oăc', 'oăm', 'oăn', 'oăng', 'oăt',
  'oe', 'oem', 'oen', 'oeo', 'oet',
  // medial u
  'uân', 'uâng', 'uât', 'uây',
  'uê', 'uêch', 'uênh',
  'uơ',
  'uy', 'uya', 'uych', 'uyn', 'uynh', 'uyp', 'uyt', 'uyu', 'uyên', 'uyêt',
];

/** After qu the glide is in the onset; rhymes found only there: quốc, qui, quệt, quện, quắp, quều, quạu. */
const QU_EXTRA_RHYMES = ['ôc', 'i', 'êt', 'ên', 'ăp', 'êu', 'au'];

const NUCLEI: readonly Nucleus[] = [
  'iê',
  'yê',
  'uô',
  'ươ',
  'ia',
  'ya',
  'ua',
  'ưa',
  'oo',
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'y',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
];

const CODAS: readonly Coda[] = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't', 'i', 'y', 'o', 'u', ''];

interface RhymeInfo {
  readonly text: string;
  readonly medial: Medial;
  readonly nucleus: Nucleus;
  readonly coda: Coda;
  /** Letter index of the first written letter, for the c/k, g/gh, ng/ngh spelling rules. */
  readonly first: number;
  /** Can follow gi sharing its i (gì, gìn, giếng): starts with i, then nothing, a consonant or ê. */
  readonly giShare: boolean;
  /** p t c ch: the syllable must carry sắc or nặng. */
  readonly stop: boolean;
  /** Offset of the tone-bearing letter within the rhyme text, per style. */
  readonly newOffset: number;
  readonly oldOffset: number;
}

/** Split a written rhyme into medial, nucleus and coda; undefined when it cannot be split. */
function splitRhyme(text: string): { medial: Medial; nucleus: Nucleus; coda: Coda } | undefined {
  let medial: Medial = '';
  const next = text[1];
  if (text[0] === 'o' && (next === 'a' || next === 'ă' || next === 'e')) medial = 'o';
  else if (text[0] === 'u' && (next === 'â' || next === 'ê' || next === 'y' || next === 'ơ')) medial = 'u';
  const rest = text.slice(medial.length);
  for (const nucleus of NUCLEI) {
    if (!rest.startsWith(nucleus)) continue;
    const coda = rest.slice(nucleus.length);
    if ((CODAS as readonly string[]).includes(coda)) return { medial, nucleus, coda: coda as Coda };
  }
  return undefined;
}

/**
 * Tone position within the rhyme. The mark goes on the main vowel: the second letter of iê yê uô
 * ươ oo, the first of ia ya ua ưa. The old style differs only for oa, oe, uy without a coda, where
 * it marks the glide: hòa, khỏe, thủy.
 */
function toneOffsets(medial: Medial, nucleus: Nucleus, coda: Coda): [newOffset: number, oldOffset: number] {
  const main =
    nucleus === 'iê' || nucleus === 'yê' || nucleus === 'uô' || nucleus === 'ươ' || nucleus === 'oo' ? 1 : 0;
  const newOffset = medial.length + main;
  const differs = medial !== '' && coda === '' && (nucleus === 'a' || nucleus === 'e' || nucleus === 'y');
  return [newOffset, differs ? 0 : newOffset];
}

function rhymeKey(text: string): number {
  let key = 0;
  for (const char of text) key = (key << LETTER_BITS) | letterOf(char);
  return key;
}

function makeRhyme(text: string, medial: Medial, nucleus: Nucleus, coda: Coda): RhymeInfo {
  const [newOffset, oldOffset] = toneOffsets(medial, nucleus, coda);
  return {
    text,
    medial,
    nucleus,
    coda,
    first: letterOf(text[0]!),
    giShare: text[0] === 'i' && (text.length === 1 || text[1] === 'ê' || !isVowelLetter(letterOf(text[1]!))),
    stop: coda === 'c' || coda === 'ch' || coda === 'p' || coda === 't',
    newOffset,
    oldOffset,
  };
}

const NORMAL_RHYMES = new Map<number, RhymeInfo>();
const QU_RHYMES = new Map<number, RhymeInfo>();

for (const text of RHYMES) {
  const parts = splitRhyme(text);
  if (!parts) throw new Error(`rhyme table: cannot split "${text}"`);
  NORMAL_RHYMES.set(rhymeKey(text), makeRhyme(text, parts.medial, parts.nucleus, parts.coda));
  if (parts.medial !== '') {
    // qu + oa → qua: the glide is already in the onset, so the rhyme loses its medial letter.
    const rest = text.slice(1);
    const inner = splitRhyme(rest);
    if (inner) QU_RHYMES.set(rhymeKey(rest), makeRhyme(rest, '', inner.nucleus, inner.coda));
  }
}
for (const text of QU_EXTRA_RHYMES) {
  const parts = splitRhyme(text)!;
  QU_RHYMES.set(rhymeKey(text), makeRhyme(text, '', parts.nucleus, parts.coda));
}

/** Onsets that never take a medial glide: /kw/ is spelled qu, and labials do not round. */
function takesMedial(onset: Onset): boolean {
  switch (onset) {
    case 'c':
    case 'k':
    case 'gi':
    case 'qu':
    case 'p':
    case 'ph':
    case 'm':
    case 'gh':
    case 'ngh':
      return false;
    default:
      return true;
  }
}

/** Spelling rules that tie the onset to the rhyme. `shared` is true when gi lends its i to the rhyme. */
function compatible(onset: Onset, rhyme: RhymeInfo, shared: boolean): boolean {
  const f = rhyme.first;
  const front = f === L_I || f === L_E || f === L_EE || f === L_Y;
  switch (onset) {
    case 'k':
      if (!front) return false;
      break;
    case 'gh':
    case 'ngh':
      if (f !== L_I && f !== L_E && f !== L_EE) return false;
      break;
    case 'c':
    case 'g':
    case 'ng':
      if (front) return false;
      break;
    case 'gi':
      if (shared ? !rhyme.giShare : f === L_I || f === L_Y || f === L_EE) return false;
      break;
    default:
  }
  if (rhyme.medial !== '' && !takesMedial(onset)) return false;
  // /iə/ is spelled yê at the start of a syllable or after the glide, iê after a consonant.
  if (rhyme.nucleus === 'iê' && onset === '') return false;
  if (rhyme.nucleus === 'yê' && rhyme.medial === '' && onset !== '' && onset !== 'qu') return false;
  return true;
}

const MAX_LETTERS = 10;
const letters = new Uint8Array(MAX_LETTERS);
const SAC = TONE_INDEX.sac;
const NANG = TONE_INDEX.nang;

// Side results of the last successful `analyse`, read by setTone without a second allocation.
let lastText = '';
let lastRhymeStart = 0;
let lastRhyme: RhymeInfo | undefined;

const onsetId = (onset: Onset): number => ONSETS.indexOf(onset) << 2;
const O_B = onsetId('b');
const O_C = onsetId('c');
const O_CH = onsetId('ch');
const O_D = onsetId('d');
const O_DD = onsetId('đ');
const O_G = onsetId('g');
const O_GH = onsetId('gh');
const O_GI = onsetId('gi');
const O_H = onsetId('h');
const O_K = onsetId('k');
const O_KH = onsetId('kh');
const O_L = onsetId('l');
const O_M = onsetId('m');
const O_N = onsetId('n');
const O_NG = onsetId('ng');
const O_NGH = onsetId('ngh');
const O_NH = onsetId('nh');
const O_P = onsetId('p');
const O_PH = onsetId('ph');
const O_QU = onsetId('qu');
const O_R = onsetId('r');
const O_S = onsetId('s');
const O_T = onsetId('t');
const O_TH = onsetId('th');
const O_TR = onsetId('tr');
const O_V = onsetId('v');
const O_X = onsetId('x');

/** Longest onset at the start of `letters`: (index in ONSETS) << 2 | letters it spans; -1 if none. */
function matchOnset(n: number): number {
  const c1 = n > 1 ? letters[1]! : 0;
  switch (letters[0]) {
    case L_B:
      return O_B | 1;
    case L_C:
      return c1 === L_H ? O_CH | 2 : O_C | 1;
    case L_D:
      return O_D | 1;
    case L_DD:
      return O_DD | 1;
    case L_G: {
      if (c1 === L_H) return O_GH | 2;
      if (c1 !== L_I) return O_G | 1;
      // gì, gìn, giếng: the i is read twice, as part of gi and as the vowel.
      const c2 = n > 2 ? letters[2]! : 0;
      return c2 !== 0 && isVowelLetter(c2) && c2 !== L_EE ? O_GI | 2 : O_GI | 1;
    }
    case L_H:
      return O_H | 1;
    case L_K:
      return c1 === L_H ? O_KH | 2 : O_K | 1;
    case L_L:
      return O_L | 1;
    case L_M:
      return O_M | 1;
    case L_N:
      if (c1 === L_G) return n > 2 && letters[2] === L_H ? O_NGH | 3 : O_NG | 2;
      return c1 === L_H ? O_NH | 2 : O_N | 1;
    case L_P:
      return c1 === L_H ? O_PH | 2 : O_P | 1;
    case L_Q:
      return c1 === L_U ? O_QU | 2 : -1;
    case L_R:
      return O_R | 1;
    case L_S:
      return O_S | 1;
    case L_T:
      if (c1 === L_H) return O_TH | 2;
      return c1 === L_R ? O_TR | 2 : O_T | 1;
    case L_V:
      return O_V | 1;
    case L_X:
      return O_X | 1;
    default:
      return 0; // a vowel: empty onset
  }
}

function analyse(input: string, strictPlacement: boolean, toneRule: boolean): Syllable | null {
  if (input.length === 0 || input.length > 3 * MAX_LETTERS) return null;
  const s = nfcIfNeeded(input);
  const n = s.length;
  if (n > MAX_LETTERS) return null;
  let tone = 0;
  let toneIndex = -1;
  let upperMask = 0;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    const info = code < TABLE_SIZE ? CHAR_INFO[code]! : 0;
    if (info === 0) return null;
    const t = (info >> INFO_TONE_SHIFT) & 7;
    if (t !== 0) {
      if (toneIndex !== -1) return null;
      tone = t;
      toneIndex = i;
    }
    if (info & INFO_UPPER) upperMask |= 1 << i;
    letters[i] = info & INFO_LETTER_MASK;
  }

  const packed = matchOnset(n);
  if (packed < 0) return null;
  const onset = ONSETS[packed >> 2]!;
  const start = packed & 3;
  const qu = onset === 'qu';
  if (start >= n || n - start > 6) return null;

  let key = 0;
  for (let i = start; i < n; i++) key = (key << LETTER_BITS) | letters[i]!;
  const rhyme = (qu ? QU_RHYMES : NORMAL_RHYMES).get(key);
  if (rhyme === undefined) return null;
  if (!compatible(onset, rhyme, onset === 'gi' && start === 1)) return null;
  if (toneRule && rhyme.stop && tone !== SAC && tone !== NANG) return null;

  let placement: TonePlacement = 'any';
  if (toneIndex !== -1) {
    const at = toneIndex - start;
    if (at === rhyme.newOffset) placement = rhyme.newOffset === rhyme.oldOffset ? 'any' : 'new';
    else if (at === rhyme.oldOffset) placement = 'old';
    else if (strictPlacement) return null;
    else placement = 'misplaced';
  }

  let letterCase: LetterCase = 'lower';
  if (upperMask !== 0) {
    if (upperMask === (1 << n) - 1) letterCase = 'upper';
    else letterCase = upperMask === 1 ? 'title' : 'mixed';
  }

  lastText = s;
  lastRhymeStart = start;
  lastRhyme = rhyme;
  return {
    onset,
    medial: rhyme.medial,
    nucleus: rhyme.nucleus,
    coda: rhyme.coda,
    tone: TONES[tone]!,
    rhyme: rhyme.text,
    case: letterCase,
    toneIndex,
    placement,
  };
}

/**
 * Parse one syllable, in any case ("ĐẢNG", "Tỉnh") and NFC or NFD. Null when the string is not a
 * well-formed Vietnamese syllable: unknown letters, onset/rhyme combinations the spelling rules
 * forbid (nge, ka, ghu, quoa), a stop coda without sắc or nặng (tầp, kêt), two tone marks, or a
 * tone mark neither style would place there.
 */
export function parseSyllable(input: string, options?: ParseOptions): Syllable | null {
  return analyse(input, options?.strictTonePlacement ?? true, true);
}

export function isValidSyllable(input: string): boolean {
  return analyse(input, true, true) !== null;
}

/** The tone of a syllable, reading a misplaced mark too ("hóan" → sac); null when not a syllable. */
export function toneOf(input: string): Tone | null {
  return analyse(input, false, false)?.tone ?? null;
}

/** Tones a rhyme admits: p t c ch codas take only sắc and nặng. */
export function allowedTones(coda: Coda): readonly Tone[] {
  return coda === 'c' || coda === 'ch' || coda === 'p' || coda === 't' ? STOP_TONES : TONES;
}

const STOP_TONES: readonly Tone[] = ['sac', 'nang'];

function applyCase(text: string, letterCase: LetterCase | undefined): string {
  if (letterCase === 'upper') return text.toUpperCase();
  if (letterCase === 'title') return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}

function placeTone(written: string, at: number, tone: number): string {
  if (tone === 0) return written;
  const letter = letterOf(written[at] ?? '');
  if (letter <= 0 || !isVowelLetter(letter)) return written;
  return written.slice(0, at) + toneLetter(letter, tone, false) + written.slice(at + 1);
}

/**
 * Write a syllable from its parts, placing the tone mark by `style` (default `'old'`: hòa, thủy,
 * the form most Vietnamese text and the Nghị định 30/2020 templates use). Does not validate:
 * check the result with `isValidSyllable` when the parts come from outside.
 */
export function composeSyllable(
  parts: SyllableParts & { case?: LetterCase },
  style: ToneStyle = 'old',
): string {
  const shared = parts.onset === 'gi' && parts.nucleus.startsWith('i');
  const onset = shared ? 'g' : parts.onset;
  const [newOffset, oldOffset] = toneOffsets(parts.medial, parts.nucleus, parts.coda);
  const written = onset + parts.medial + parts.nucleus + parts.coda;
  const at = onset.length + (style === 'new' ? newOffset : oldOffset);
  return applyCase(placeTone(written, at, TONE_INDEX[parts.tone]), parts.case);
}

export interface SetToneOptions {
  /**
   * Where to put the mark in oa/oe/uy syllables. Default: the style the input already shows,
   * else `'old'`.
   */
  style?: ToneStyle;
}

function toneless(char: string): string {
  const code = char.charCodeAt(0);
  const info = CHAR_INFO[code]!;
  return toneLetter(info & INFO_LETTER_MASK, 0, (info & INFO_UPPER) !== 0);
}

/**
 * Give a syllable another tone, keeping its letters and the case of each one:
 * setTone("Hoa", "huyen") → "Hòa". Also moves a misplaced mark ("hóan" → "hoán").
 * Null when the input is not a syllable or the tone is impossible there (setTone("tập", "huyen")).
 */
export function setTone(input: string, tone: Tone, options?: SetToneOptions): string | null {
  const parsed = analyse(input, false, false);
  if (parsed === null || lastRhyme === undefined) return null;
  const rhyme = lastRhyme;
  if (rhyme.stop && tone !== 'sac' && tone !== 'nang') return null;
  let s = lastText;
  const placement = parsed.placement;
  const style = options?.style ?? (placement === 'old' || placement === 'new' ? placement : 'old');
  const at = lastRhymeStart + (style === 'new' ? rhyme.newOffset : rhyme.oldOffset);
  if (parsed.toneIndex !== -1) {
    const i = parsed.toneIndex;
    s = s.slice(0, i) + toneless(s[i]!) + s.slice(i + 1);
  }
  const t = TONE_INDEX[tone];
  if (t === 0) return s;
  const code = s.charCodeAt(at);
  const info = CHAR_INFO[code]!;
  return s.slice(0, at) + toneLetter(info & INFO_LETTER_MASK, t, (info & INFO_UPPER) !== 0) + s.slice(at + 1);
}

// ---------------------------------------------------------------------------------------------
// Enumeration, for the variant generators and the syllable inventory.

/** Every well-formed lower-case syllable, in the given style (or both placements). */
export function enumerateSyllables(style: ToneStyle | 'both' = 'old'): string[] {
  const out: string[] = [];
  const emit = (onset: string, rhyme: RhymeInfo): void => {
    const base = onset + rhyme.text;
    const tones = rhyme.stop ? STOP_TONES : TONES;
    for (const tone of tones) {
      const t = TONE_INDEX[tone];
      const newForm = placeTone(base, onset.length + rhyme.newOffset, t);
      const oldForm = placeTone(base, onset.length + rhyme.oldOffset, t);
      if (style === 'new' || style === 'both') out.push(newForm);
      if ((style === 'old' || style === 'both') && !(style === 'both' && oldForm === newForm))
        out.push(oldForm);
    }
  };
  for (const onset of ONSETS) {
    if (onset === 'qu') {
      for (const rhyme of QU_RHYMES.values()) if (compatible(onset, rhyme, false)) emit(onset, rhyme);
      continue;
    }
    for (const rhyme of NORMAL_RHYMES.values()) {
      if (onset === 'gi' && rhyme.giShare) {
        if (compatible(onset, rhyme, true)) emit('g', rhyme);
        continue;
      }
      if (compatible(onset, rhyme, false)) emit(onset, rhyme);
    }
  }
  return out;
}
