/**
 * The public API: `correct(textOrOcrDocument, options)` → the corrected text and every correction
 * with its place, confidence, reason and alternatives. Rules that are certain by construction run
 * first (document numbers, heading numerals, lone quotes); then every word gets candidates from the
 * channel model (lattice.ts) and the decoder picks, sentence by sentence, the most likely reading under
 * the language model — decoding again with the document's own error rate and confusions (adapt.ts);
 * a real word's replacement that no kept neighbour backs stays a suggestion; letter
 * case, tone placement style and Unicode form are settled last.
 */

import type { Correction, CorrectionReason, OcrDocument } from '@sohoa/model';
import { countToneStyles, parseSyllable, setTone, type ToneStyle } from '@sohoa/vi';
import { repairAcronyms } from './acronyms.js';
import { adaptToDocument } from './adapt.js';
import { type CapitalStyle, capitalStyle, LIST_MARKS } from './capitals.js';
import { editCost } from './channel/cost.js';
import { type OcrEngine, tableForEngine } from './channel/engines.js';
import { lettersOf } from './channel/letters.js';
import { type ChannelTable, DEFAULT_TABLE } from './channel/table.js';
import { chunkBounds } from './chunks.js';
import { type DecodeOptions, decode, type Option, type Slot, slotPosteriors } from './decode.js';
import { repairDocumentNumbers } from './docnumber.js';
import { createEngine, type Engine, type WordInfo } from './engine.js';
import { repairHeadings } from './headings.js';
import { checkOptions, confidenceAt, readInput } from './input.js';
import { buildSlots, type ChoicesOf, type ConfidenceOf, type OcrEvidence } from './lattice.js';
import { allCaseAmbiguous, applyCase, caseAmbiguous, casePattern } from './letter-case.js';
import type { SyllableLm } from './lm/index.js';
import { findNames, type NameSpan } from './names.js';
import { describeEdit } from './notes.js';
import { lineStartsOf } from './positions.js';
import { prefilter } from './prefilter.js';
import { repairPunctuation } from './punctuation.js';
import { RecordStore } from './records.js';
import { type FixedSpan, segment, type Unit } from './units.js';

export interface CorrectOptions {
  /**
   * The syllable language model (`loadBundledLm()` in Node, `fetchSyllableLm(url)` in browsers).
   * Without it only the rules run: nothing is decoded.
   */
  lm?: SyllableLm;
  /**
   * Corrections at least this confident are applied; the others are suggestions. Default 0.6. A
   * real word's replacement that no kept neighbour backs stays a suggestion whatever its confidence.
   */
  threshold?: number;
  /** Alternatives at least this likely are reported as suggestions where nothing changed. Default 0.25. */
  suggest?: number;
  /**
   * Tone placement of the output: `'keep'` (default: every unchanged word as written, `hoá` and
   * `hóa` both, even mixed — the author's style is not an OCR error; new words use the document's
   * dominant style), `'dominant'` (every word in the document's dominant style) or one forced style.
   */
  toneStyle?: 'dominant' | ToneStyle | 'keep';
  /** The channel cost table (default: the calibrated one). */
  table?: ChannelTable;
  /**
   * The OCR engine that read the input, choosing its calibrated channel table: `'sohoa'` (default,
   * sohoa's OCR) or `'tesseract'` (the native tesseract CLI, `vie` model). An explicit `table` wins.
   */
  engine?: OcrEngine;
  /**
   * P(a word is misread), for every word. Default: from each word's OCR confidence in an
   * OcrDocument, or the table's rate for plain text — scaled up to the document's own when a first
   * pass finds it read much worse than that.
   */
  errorRate?: number;
  /**
   * Learn the document as it is read (default true): a first pass's repairs give the document's own
   * error rate and confusion costs (channel/document.ts), and a second pass decodes with them.
   * `false` decodes once, with the table's rates and costs.
   */
  adapt?: boolean;
  /** Paths kept per slot by the decoder. Default 6. */
  beam?: number;
  /** Weight of the channel cost against the LM. Default 1. */
  channelWeight?: number;
  /** Candidates per word. Default 8. */
  candidates?: number;
  /** Options losing to the reading by more than this (log10, bigram look) are not decoded. Default 3. */
  margin?: number;
}

export interface CorrectResult {
  text: string;
  /** Applied corrections and suggestions, in input order. */
  corrections: Correction[];
  /** The tone placement style of the output. */
  toneStyle: ToneStyle;
}

export const DEFAULT_THRESHOLD = 0.6;
export const DEFAULT_SUGGEST = 0.25;
export const DEFAULT_MARGIN = 3;
interface Edit {
  start: number;
  end: number;
  replacement: string;
  confidence: number;
  reason: CorrectionReason;
  alternatives: { text: string; confidence: number }[];
  note: string;
  /** A real word replaced on the strength of word frequencies alone: suggested, never applied. */
  unsupported?: boolean;
}

const engines = new WeakMap<SyllableLm, Map<string, Engine>>();

function engineFor(lm: SyllableLm, table: ChannelTable, limit: number): Engine {
  let byKey = engines.get(lm);
  if (byKey === undefined) {
    byKey = new Map();
    engines.set(lm, byKey);
  }
  const key = `${limit}:${table === DEFAULT_TABLE ? 'default' : JSON.stringify(table)}`;
  let engine = byKey.get(key);
  if (engine === undefined) {
    engine = createEngine(lm, table, { limit, maxEdit: 6 });
    byKey.set(key, engine);
  }
  return engine;
}

/** Only syllables ending in oa, oe or uy (any tone) are written differently in the two styles. */
const STYLE_SENSITIVE = /[oòóỏõọ][aàáảãạeèéẻẽẹ](?![\p{L}\p{M}])|[uùúủũụ][yỳýỷỹỵ](?![\p{L}\p{M}])/iu;

/** The document's tone placement counts, skipping the tokenizer when no word can tell. */
function styleCounts(text: string): { old: number; new: number } {
  return STYLE_SENSITIVE.test(text.normalize('NFC')) ? countToneStyles(text) : { old: 0, new: 0 };
}

/** The word in the target tone placement style (unchanged when the styles agree). */
const styled: Record<ToneStyle, Map<string, string>> = { old: new Map(), new: new Map() };

function inStyle(word: string, style: ToneStyle): string {
  const cache = styled[style];
  let out = cache.get(word);
  if (out === undefined) {
    const parsed = parseSyllable(word, { strictTonePlacement: false });
    out =
      parsed === null || parsed.placement === 'any' || parsed.placement === style
        ? word
        : (setTone(word, parsed.tone, { style }) ?? word);
    if (cache.size > 100_000) cache.clear();
    cache.set(word, out);
  }
  return out;
}

/** Options with their defaults, as one piece of text is corrected. */
interface Settings {
  lm: SyllableLm | undefined;
  table: ChannelTable;
  threshold: number;
  suggest: number;
  decode: DecodeOptions;
  candidates: number;
  margin: number;
  errorRate: number | undefined;
  style: ToneStyle;
  restyle: boolean;
  /** Learn the document's error rate and confusion costs from a first pass (CorrectOptions.adapt). */
  adapt: boolean;
  /** Whether the document capitalises its sentence and list item starts (capitals.ts). */
  capitals: CapitalStyle;
}

/**
 * Corrects OCR output: plain text, or an OcrDocument whose word confidences weigh the choices.
 * Never throws on a string; other input, or options of the wrong type, give a `CorrectError`.
 * Without `options.lm` only the rules run (document numbers, heading numerals, punctuation,
 * look-alike marks, letter case, tone style, Unicode form). A long text is corrected piece by
 * piece (`chunks.ts`), so memory stays bounded; positions are always in the whole text.
 */
export function correct(input: string | OcrDocument, options: CorrectOptions = {}): CorrectResult {
  const { text, confidences, choices } = readInput(input);
  const checked = checkOptions(options);

  // The tone placement style is the whole document's, counted piece by piece.
  const pieces = chunkBounds(text);
  let old = 0;
  let fresh = 0;
  for (const [start, end] of pieces) {
    const counts = styleCounts(text.slice(start, end));
    old += counts.old;
    fresh += counts.new;
  }
  const dominant: ToneStyle = fresh > old ? 'new' : 'old';
  const settings: Settings = {
    lm: checked.lm,
    table: checked.table ?? tableForEngine(checked.engine),
    threshold: checked.threshold ?? DEFAULT_THRESHOLD,
    suggest: checked.suggest ?? DEFAULT_SUGGEST,
    decode: { beam: checked.beam ?? 6, channelWeight: checked.channelWeight ?? 1 },
    candidates: checked.candidates ?? 8,
    margin: checked.margin ?? DEFAULT_MARGIN,
    errorRate: checked.errorRate,
    style: checked.toneStyle === 'old' || checked.toneStyle === 'new' ? checked.toneStyle : dominant,
    // Faithful by default: restyling is asked for, never assumed.
    restyle: checked.toneStyle !== undefined && checked.toneStyle !== 'keep',
    adapt: checked.adapt ?? true,
    capitals: capitalStyle(text),
  };

  // Text typed without diacritics (`cua cac co quan chuc nang`) is no OCR of a printed Vietnamese
  // document: its few marked words are the exception, not the misreads. It is left as it is.
  if (typedWithoutDiacritics(text))
    return { ...new Assembler(text, settings.threshold).finish(), toneStyle: settings.style };

  // Heading numerals follow the numbering sequence of the whole text: found once, over all of it.
  // Acronyms too, from the document's own spelling of them (`BHXII` beside many `BHXH`).
  const headings = [...repairHeadings(text), ...repairAcronyms(text)].sort((a, b) => a.start - b.start);
  // Names too: a signature block's name is known by the lines before it, and the closing lines by
  // being the document's last.
  const names = findNames(text);
  const assembler = new Assembler(text, settings.threshold);
  let h = 0;
  let n = 0;
  for (const [start, end] of pieces) {
    const piece = text.slice(start, end);
    const pieceHeadings: Edit[] = [];
    for (; h < headings.length && headings[h]!.start < end; h++) {
      const r = headings[h]!;
      // A heading cut by a piece boundary (only in a line longer than a piece) is left alone.
      if (r.start < start || r.end > end) continue;
      pieceHeadings.push({
        ...r,
        start: r.start - start,
        end: r.end - start,
        reason: 'reason' in r ? (r.reason as CorrectionReason) : 'heading',
        alternatives: [],
      });
    }
    const pieceNames: NameSpan[] = [];
    for (; n < names.length && names[n]!.start < end; n++) {
      const r = names[n]!;
      pieceNames.push({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start });
    }
    const confidenceOf: ConfidenceOf = (a, b) => confidenceAt(confidences, start + a, start + b);
    const choicesOf: ChoicesOf = (a, b) => {
      const word = choices?.get(start + a);
      return word !== undefined && word.end >= start + b ? word : undefined;
    };
    assembler.add(
      start,
      end,
      correctPiece(piece, pieceHeadings, pieceNames, { confidenceOf, choicesOf }, settings),
    );
  }
  return { ...assembler.finish(), toneStyle: settings.style };
}

/** The edits of one piece of text (offsets in the piece), headings already found. */
function correctPiece(
  text: string,
  headings: Edit[],
  names: NameSpan[],
  evidence: OcrEvidence,
  settings: Settings,
): Edit[] {
  const { confidenceOf } = evidence;
  const { lm, threshold, suggest, style, restyle } = settings;
  const decodeOptions = settings.decode;
  const edits: Edit[] = [];

  // 1. Rules certain by construction.
  const fixed: FixedSpan[] = [];
  for (const r of repairDocumentNumbers(text)) {
    // In a line set in capitals the number is in capitals too (`QUYẾT ĐỊNH SỐ 40/2011/QĐ-TTG`): a
    // change of case only is no repair there.
    if (r.replacement.toUpperCase() === r.raw.toUpperCase() && inCapitalLine(text, r.start, r.end)) {
      fixed.push({ start: r.start, end: r.end, as: 'docnumber' });
      continue;
    }
    edits.push({
      ...r,
      reason: 'docnumber',
      alternatives: r.alternatives.map((t) => ({ text: t, confidence: 0 })),
    });
    fixed.push({ start: r.start, end: r.end, as: 'docnumber' });
  }
  for (const r of headings) {
    edits.push(r);
    fixed.push({ start: r.start, end: r.end, as: 'skip' });
  }
  for (const r of repairPunctuation(text)) {
    edits.push({ ...r, reason: 'punctuation', alternatives: [] });
    fixed.push({ start: r.start, end: r.end, as: 'skip' });
  }

  if (lm === undefined) {
    // No model, no decoding: the words kept as read are still settled.
    keptWords(segment(text, fixed, false, names), edits, style, restyle, settings.capitals);
    return edits;
  }
  const engine = engineFor(lm, settings.table, settings.candidates);

  // 2. Slots and their options; 3. decoding.
  const units = segment(text, fixed, lm.has(','), names);
  let plan = buildSlots(engine, units, evidence, settings.errorRate);
  const margin = settings.margin;
  prefilter(lm, plan.slots, margin, decodeOptions.channelWeight);
  let choice = decode(lm, plan.slots, decodeOptions);
  // The document learnt as it is read: its own error rate, its own confusions (adapt.ts).
  if (settings.adapt) {
    ({ plan, choice } = adaptToDocument(lm, engine, units, evidence, plan, choice, {
      decode: decodeOptions,
      margin,
      errorRate: settings.errorRate,
    }));
  }
  const { slots, slotUnit, infos } = plan;

  // 4. What changed, how sure, why.
  const changes: { slot: number; edit: Edit }[] = [];
  for (let i = 0; i < slots.length; i++) {
    const c = choice[i]!;
    if (c < 0) continue;
    const slot = slots[i]!;
    if (slot.options.length < 2) continue;
    if (c === 0 && suggest >= 1) continue;
    const unit = units[slotUnit[i]!]!;
    const post = slotPosteriors(lm, slots, choice, i, decodeOptions);
    // The reading kept: a suggestion only when some option is within reach of it.
    let shown = c;
    if (c === 0) {
      let best = 0;
      for (let o = 1; o < post.length; o++) if (post[o]! > post[best]!) best = o;
      if (best === 0 && post[0]! >= 1 - suggest) continue;
      shown = 1;
      for (let o = 1; o < post.length; o++) if (post[o]! > post[shown]!) shown = o;
      if (post[shown]! < suggest) continue;
    }
    const end = slot.options[shown]!.span > 1 ? units[slotUnit[i + 1]!]!.end : unit.end;
    const edit = changeEdit(
      engine,
      unit,
      end,
      slot.options,
      shown,
      post,
      style,
      units,
      slotUnit[i]!,
      text,
      settings.capitals,
    );
    edits.push(edit);
    if (c > 0) changes.push({ slot: i, edit });
  }
  keepProperNames(units, slotUnit, infos, changes, lm);
  markUnsupported(lm, slots, choice, infos, changes, threshold);

  // 5. Words kept as read: look-alike marks, letter case, tone placement, Unicode form.
  keptWords(units, edits, style, restyle, settings.capitals);

  // 6. Junk: words that are nothing, with nothing near them.
  for (const j of findJunk(units, slots, slotUnit, choice, infos, confidenceOf, lm)) edits.push(j);
  return edits;
}

/** Edits of the words no earlier edit touched: look-alike marks, tone placement, letter case, NFC. */
function keptWords(
  units: Unit[],
  edits: Edit[],
  style: ToneStyle,
  restyle: boolean,
  capitals: CapitalStyle,
): void {
  const touched = new Set<number>();
  for (const e of edits) touched.add(e.start);
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (touched.has(unit.start) || unit.kind === 'fixed') continue;
    if (unit.name === true) {
      // A name keeps its letters, marks, case and tone placement; only its Unicode form is settled.
      const composed = unit.raw.normalize('NFC');
      if (composed !== unit.raw) {
        edits.push({
          start: unit.start,
          end: unit.end,
          replacement: composed,
          confidence: 1,
          reason: 'unicode',
          alternatives: [],
          note: 'Unicode NFC',
        });
      }
      continue;
    }
    let out = unit.reading;
    let reason: CorrectionReason | null =
      unit.raw !== out ? (unit.lookalike ? 'lookalike' : 'unicode') : null;
    let note = reason === 'lookalike' ? 'a horn written as an apostrophe or asterisk' : 'Unicode NFC';
    if (unit.kind === 'word') {
      if (restyle) {
        const styled = inStyle(out, style);
        if (styled !== out) {
          out = styled;
          reason ??= 'tone-style';
          if (reason === 'tone-style') note = `tone mark placed in the document's ${style} style`;
        }
      }
      const cased = contextCase(units, u, out, reason !== null, capitals);
      if (cased !== out) {
        out = cased;
        if (reason === null) {
          reason = 'case';
          note = 'letter case from the context (the letter looks alike in both cases)';
        }
      }
    }
    if (reason === null) continue;
    edits.push({
      start: unit.start,
      end: unit.end,
      replacement: out,
      confidence: reason === 'case' ? 0.8 : reason === 'lookalike' ? 0.95 : 1,
      reason,
      alternatives: [],
      note,
    });
  }
}

function changeEdit(
  engine: Engine,
  unit: Unit,
  end: number,
  options: readonly Option[],
  chosen: number,
  post: Float64Array,
  style: ToneStyle,
  units: Unit[],
  u: number,
  text: string,
  capitals: CapitalStyle,
): Edit {
  const raw = text.slice(unit.start, end);
  const candidate = options[chosen]!.text;
  const kind = options[chosen]!.reason as CorrectionReason;
  const confidence = post[chosen]!;
  let reason = kind;
  let note: string;
  const rawLower = unit.reading.toLowerCase();
  if (kind === 'letter' || kind === 'acronym') {
    const { ops } = editCost(engine.ct, rawLower, candidate.toLowerCase(), true);
    const d = describeEdit(ops);
    if (kind === 'letter') reason = d.reason;
    note = d.note;
  } else if (kind === 'join') note = 'pieces of one syllable joined';
  else if (kind === 'split') note = 'two words run together split';
  else note = 'reading kept';
  const styled =
    kind === 'acronym'
      ? candidate
      : candidate
          .split(' ')
          .map((w) => inStyle(w, style))
          .join(' ');
  let pattern = casePattern(unit.reading);
  // A digit read for a letter ("7 ang" for "Tăng"): a capital where a sentence or line starts.
  if (pattern === 'none') pattern = atSentenceStart(units, u) ? 'title' : 'lower';
  let replacement =
    kind === 'split' ? splitCase(unit.reading, styled) : applyCase(pattern, styled, firstUpper(unit.reading));
  if (kind !== 'acronym') replacement = contextCase(units, u, replacement, true, capitals);
  const alternatives: { text: string; confidence: number }[] = [];
  const order = [...post.keys()].filter((o) => o !== chosen).sort((a, b) => post[b]! - post[a]!);
  for (const o of order.slice(0, 3)) {
    if (post[o]! < 0.01) break;
    const t = o === 0 ? raw : applyCase(pattern, options[o]!.text, firstUpper(unit.reading));
    alternatives.push({ text: t, confidence: round(post[o]!) });
  }
  return {
    start: unit.start,
    end,
    replacement,
    confidence: Math.min(0.999, round(confidence)),
    reason,
    alternatives,
    note: `${raw} → ${replacement}: ${note}`,
  };
}

/**
 * Two words run together, split: each keeps the case it was written in (`vụQuân` → `vụ Quân`), letter
 * by letter where the split kept the letters' count; else as one word.
 */
function splitCase(reading: string, split: string): string {
  const read = [...reading.normalize('NFC')];
  const out = [...split];
  if (out.length !== read.length + 1) return applyCase(casePattern(reading), split, firstUpper(reading));
  let k = 0;
  return out
    .map((c) => {
      if (c === ' ') return c;
      const r = read[k++]!;
      return r !== r.toLowerCase() ? c.toUpperCase() : c;
    })
    .join('');
}

/**
 * A real word inside a proper name — a capitalised word after another on its line, past the sentence's
 * start (`Nhà lao Vạn Giã`, `phường Phú Thịnh`) — stays as printed: names are the author's, and the
 * corpus knows few of them. A misread name that is no word at all is still repaired.
 */
function keepProperNames(
  units: Unit[],
  slotUnit: readonly number[],
  infos: readonly (WordInfo | null)[],
  changes: readonly { slot: number; edit: Edit }[],
  lm: SyllableLm,
): void {
  for (const { slot, edit } of changes) {
    const u = slotUnit[slot]!;
    const unit = units[u]!;
    // A footnote mark printed after a word ("thuốc nổ2"): a number, left alone like every figure.
    const mark = /^(\p{L}+)\d{1,2}$/u.exec(unit.reading);
    if (mark && edit.replacement.normalize('NFC') === mark[1]!.normalize('NFC')) {
      edit.unsupported = true;
      edit.note += ' (a footnote mark after a word: kept as printed)';
      continue;
    }
    if (unit.kind !== 'word' || casePattern(unit.reading) !== 'title' || !isWord(lm, infos[slot])) continue;
    const at = neighbourAt(units, u, -1);
    const before = at < 0 ? undefined : units[at];
    if (before?.kind !== 'word' || casePattern(before.reading) !== 'title') continue;
    if (atSentenceStart(units, at)) {
      // "Vạn Giã" at the start of a sentence is still a name; a capitalised opening word alone is not.
      const after = neighbour(units, u, 1);
      if (after?.kind !== 'word' || casePattern(after.reading) !== 'title') continue;
    }
    edit.unsupported = true;
    edit.note += ' (a real word in a proper name: kept as printed)';
  }
}

/**
 * Marks the changes of real words that no kept neighbour backs (see neighbourSupport). What
 * is kept is what the output will have: a change left as a suggestion (below the threshold, or
 * unsupported itself) leaves its reading there, so support is checked again until nothing moves.
 */
function markUnsupported(
  lm: SyllableLm,
  slots: readonly Slot[],
  choice: Int32Array,
  infos: readonly (WordInfo | null)[],
  changes: readonly { slot: number; edit: Edit }[],
  threshold: number,
): void {
  const output = Int32Array.from(choice);
  const comma = lm.has(',') ? lm.id(',') : -2;
  const keepReading = (i: number) => {
    const span = slots[i]!.options[output[i]!]!.span;
    output[i] = 0;
    for (let k = 1; k < span; k++) output[i + k] = 0;
  };
  for (const { slot, edit } of changes)
    if (edit.confidence < threshold || edit.unsupported) keepReading(slot);
  for (let moved = true; moved; ) {
    moved = false;
    for (const { slot, edit } of changes) {
      if (output[slot]! <= 0 || !isWord(lm, infos[slot])) continue;
      // The OCR saw this reading itself: evidence no neighbour needs to back.
      if (slots[slot]!.options[output[slot]!]!.ocr === true) continue;
      const support = neighbourSupport(lm, slots, output, infos, slot, comma);
      if (support >= SUPPORT_PMI) {
        // The words around may back what was read at least as strongly (`cả năm`): then the context is no
        // evidence against the reading, and a real word stays as printed.
        const chosen = output[slot]!;
        if (slots[slot]!.options[chosen]!.span > 1) continue;
        output[slot] = 0;
        const asRead = neighbourSupport(lm, slots, output, infos, slot, comma);
        output[slot] = chosen;
        if (asRead < SUPPORT_PMI || asRead < support) continue;
        edit.unsupported = true;
        edit.note += ' (a real word its neighbours attest as read: suggested only)';
        keepReading(slot);
        moved = true;
        continue;
      }
      if (fitsWhereReadingDoesNot(lm, slots, output, infos, slot, comma)) continue;
      edit.unsupported = true;
      edit.note += ' (a real word, and no kept neighbour attests the change: suggested only)';
      keepReading(slot);
      moved = true;
    }
  }
}

/**
 * Whether a text is Vietnamese typed without its marks: of its words of letters, under a tenth carry a
 * letter beyond ASCII (printed Vietnamese has about two in three).
 */
export function typedWithoutDiacritics(text: string): boolean {
  let words = 0;
  let marked = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    words++;
    if (/[^\x00-\x7f]/u.test(m[0])) marked++;
    if (words >= 4000) break;
  }
  return words >= 30 && marked < 0.1 * words;
}

/** Whether the line around [start, end) is set in capitals (its other letters all upper case). */
function inCapitalLine(text: string, start: number, end: number): boolean {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  const rest = text.slice(from, start) + text.slice(end, to < 0 ? text.length : to);
  const letters = [...rest].filter((c) => c.toLowerCase() !== c.toUpperCase());
  return letters.length >= 6 && letters.every((c) => c === c.toUpperCase());
}

/**
 * A frequent word is a collocation of nothing (`để`, `của`: their pairs are chance meetings), yet
 * `đơn vị đế bình xét` is no text the corpus ever held and `đơn vị để bình xét` is: the change
 * meets a kept word in a stored pair on both sides, where the reading meets none on either.
 */
function fitsWhereReadingDoesNot(
  lm: SyllableLm,
  slots: readonly Slot[],
  output: Int32Array,
  infos: readonly (WordInfo | null)[],
  slot: number,
  comma: number,
): boolean {
  const chosen = output[slot]!;
  if (slots[slot]!.options[chosen]!.span > 1) return false;
  const [before, after] = sideSupport(lm, slots, output, infos, slot, comma);
  if (before < FITS_PMI || after < FITS_PMI) return false;
  output[slot] = 0;
  const asRead = sideSupport(lm, slots, output, infos, slot, comma);
  output[slot] = chosen;
  return asRead[0] === Number.NEGATIVE_INFINITY && asRead[1] === Number.NEGATIVE_INFINITY;
}

/** A stored pair at least this far below chance (log10) is no fit (`vị để` −0.24, `để bình` −0.37). */
const FITS_PMI = -1;

/** Whether the reading is a syllable of the model's vocabulary (a word, however rare). */
function isWord(lm: SyllableLm, info: WordInfo | null | undefined): boolean {
  return info != null && info.id !== lm.unk && lm.kind(info.id) === 'syllable';
}

/**
 * How much likelier, in log10, its context makes the second word of a pair than its count alone
 * (pointwise mutual information of the pair, or of the pair with the word before it as trigram
 * context). A pair the corpus holds is evidence only if it is more than chance: `nam muốn` is
 * stored, yet `muốn` follows `nam` (0.2) or `Việt Nam` (0.0) hardly more often than anywhere,
 * where `hòa bình` (1.8), `để phát` (0.7) or `nhân dân tỉnh` (1.8) are real collocations.
 */
export const SUPPORT_PMI = 0.5;

/**
 * How strongly the option chosen at slot `i` is tied by corpus bigrams to a word kept as read on at
 * least one side, through any neighbouring changes, the kept word's pair being a collocation
 * (SUPPORT_PMI), not a chance meeting. Replacing a real word is a claim about its context: where
 * no such pair was ever seen, the decoder's preference rests on word counts alone (`hăng hái` →
 * `hằng hải` after a comma, in a text the legal corpus never saw; `Việt Nam muôn năm` → `muốn`),
 * too little to overrule what was read. Two changes do not vouch for each other, nor do a comma,
 * a sentence end, a number or an unknown word — but the repair of a non-word is as good as a word
 * kept as read. The strongest such collocation (PMI, log10), -Infinity if none; SUPPORT_PMI or more
 * is support.
 */
function neighbourSupport(
  lm: SyllableLm,
  slots: readonly Slot[],
  choice: ArrayLike<number>,
  infos: readonly (WordInfo | null)[],
  i: number,
  comma: number,
): number {
  const [before, after] = sideSupport(lm, slots, choice, infos, i, comma);
  return Math.max(before, after);
}

/** neighbourSupport on each side apart: [before, after], -Infinity where no kept word is paired. */
function sideSupport(
  lm: SyllableLm,
  slots: readonly Slot[],
  choice: ArrayLike<number>,
  infos: readonly (WordInfo | null)[],
  i: number,
  comma: number,
): [number, number] {
  const sides: [number, number] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const ids = (k: number) => slots[k]!.options[choice[k]!]!.ids;
  // The chosen slot before / after slot k in its sentence, or -1 at a sentence end.
  const before = (k: number): number => {
    if (slots[k]!.breakBefore) return -1;
    for (let j = k - 1; j >= 0; j--) if (choice[j]! >= 0) return j;
    return -1;
  };
  const after = (k: number): number => {
    const j = k + slots[k]!.options[choice[k]!]!.span;
    return j < slots.length && !slots[j]!.breakBefore ? j : -1;
  };
  for (const step of [before, after]) {
    const side = step === before ? 0 : 1;
    let k = i;
    for (;;) {
      const n = step(k);
      if (n < 0 || ids(n)[0] === comma) break;
      const [w1, w2] = step === before ? [ids(n).at(-1)!, ids(k)[0]!] : [ids(k).at(-1)!, ids(n)[0]!];
      if (!lm.hasBigram(w1, w2)) break;
      // A word kept as read vouches, and so does the repair of what was no word at all (`tiet`
      // → `tiết`): it needed no support, and a second pass would find it there as read.
      const repairedNonWord = choice[n]! > 0 && infos[n] != null && !infos[n]!.attested;
      if (choice[n] === 0 || repairedNonWord) {
        // A kept neighbour vouches only if it is a word (<unk> and number classes go with
        // anything), and only for a pair that is more than chance.
        if (infos[n] == null || (infos[n]!.id === lm.unk && !repairedNonWord)) break;
        // The pair in its context: the word before it, as output, or the sentence start.
        const first = step === before ? n : k;
        const own = ids(first);
        const b = before(first);
        const w0 =
          own.length > 1 ? own.at(-2)! : b >= 0 ? ids(b).at(-1)! : slots[first]!.breakBefore ? lm.bos : -1;
        // The pair alone or in its context, whichever says more (a trigram the corpus lacks backs
        // off, which lowers it below the pair's own figure).
        const paired = Math.max(lm.logProb(w0, w1, w2), lm.logProb(-1, w1, w2));
        sides[side] = paired - lm.logProb(-1, -1, w2);
        break;
      }
      k = n;
    }
  }
  return sides;
}

/**
 * Whether unit `u` opens a list item: a dash, plus or bullet alone before it on its line, the line
 * before ending as an item or an introduction does (`.`, `;`, `:`). A line that goes on with the
 * sentence before is no item, whatever the OCR read at its start.
 */
function atListItemStart(units: Unit[], u: number): boolean {
  let k = u - 1;
  while (k >= 0 && units[k]!.tokenKind === 'space') k--;
  if (k < 0 || !LIST_MARKS.has(units[k]!.raw)) return false;
  k--;
  while (k >= 0 && units[k]!.tokenKind === 'space') k--;
  if (k < 0) return true;
  if (units[k]!.tokenKind !== 'newline') return false;
  while (k >= 0 && (units[k]!.tokenKind === 'space' || units[k]!.tokenKind === 'newline')) k--;
  return k < 0 || /[.;:!?…]$/u.test(units[k]!.raw);
}

/** Whether unit `u` starts a line or follows a full stop, colon, semicolon, ! or ?. */
function atSentenceStart(units: Unit[], u: number): boolean {
  for (let k = u - 1; k >= 0; k--) {
    const x = units[k]!;
    if (x.tokenKind === 'space') continue;
    return x.tokenKind === 'newline' || (x.kind === 'break' && x.raw !== '|');
  }
  return true;
}

function firstUpper(word: string): boolean {
  const c = word[0] ?? '';
  return c !== c.toLowerCase();
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function isLowerWord(unit: Unit | undefined): boolean {
  if (unit === undefined || unit.kind !== 'word') return false;
  const c = unit.reading[0] ?? '';
  return c !== c.toUpperCase();
}

function isUpperWord(unit: Unit | undefined): boolean {
  if (unit === undefined || (unit.kind !== 'word' && unit.kind !== 'acronym')) return false;
  const p = casePattern(unit.reading);
  return p === 'upper' || p === 'mixed';
}

/** The neighbouring word units on the same line (skipping spaces and punctuation). */
function neighbour(units: Unit[], u: number, step: number): Unit | undefined {
  const k = neighbourAt(units, u, step);
  return k < 0 ? undefined : units[k];
}

/** Where `neighbour` is: its index, or -1. */
function neighbourAt(units: Unit[], u: number, step: number): number {
  for (let k = u + step; k >= 0 && k < units.length; k += step) {
    const unit = units[k]!;
    if (unit.tokenKind === 'newline') return -1;
    if (unit.kind === 'word' || unit.kind === 'acronym' || unit.kind === 'class') return k;
  }
  return -1;
}

const ABBREVIATION_BEFORE_DOT = /^(?:v|tr|tp|tt|ts|ths|pgs|gs|bs|ks|đ|tx|q|p)$/i;

/**
 * The case the context asks for: capitals read for look-alike small letters mid-sentence (`CO'` →
 * `cơ`), a small look-alike letter starting a sentence (`ứng` → `Ứng` after a full stop).
 */
function contextCase(
  units: Unit[],
  u: number,
  word: string,
  changed: boolean,
  capitals: CapitalStyle,
): string {
  const unit = units[u]!;
  const pattern = casePattern(word);
  if ((pattern === 'upper' || pattern === 'mixed') && [...word].length <= 4) {
    const prev = neighbour(units, u, -1);
    const next = neighbour(units, u, 1);
    const lowerAround =
      (isLowerWord(next) && !isUpperWord(prev)) || (isLowerWord(prev) && !isUpperWord(next));
    if (lowerAround && (allCaseAmbiguous(unit.raw) || changed)) {
      const lower = word.toLowerCase();
      if (lettersOf(lower).bases.length > 0 && parseSyllable(lower) !== null) {
        // A capital whose shape shows its case (the T of "TÔ" read for "Tổ") stays a capital.
        const first = word.charAt(0);
        return first !== first.toLowerCase() && !caseAmbiguous(first) ? first + lower.slice(1) : lower;
      }
    }
    return word;
  }
  if (pattern === 'lower' && caseAmbiguous(word[0] ?? '')) {
    if (capitals.listItems && atListItemStart(units, u)) return word.charAt(0).toUpperCase() + word.slice(1);
    if (!capitals.sentences) return word;
    // After ". " on the same line, with a real word before the full stop.
    let k = u - 1;
    while (k >= 0 && units[k]!.tokenKind === 'space') k--;
    const mark = units[k];
    if (mark === undefined || !(mark.raw === '.' || mark.raw === '!' || mark.raw === '?')) return word;
    if (k === u - 1) return word; // "a.b": no space after the full stop
    const before = units[k - 1];
    // A word ends the sentence before; a number before the dot is a heading's or a date's ("9.1.5. của").
    if (before === undefined || before.kind !== 'word') return word;
    if (
      before.kind === 'word' &&
      ([...before.reading].length < 2 || ABBREVIATION_BEFORE_DOT.test(before.reading))
    ) {
      return word;
    }
    if (units[k - 2]?.raw === '.') return word; // v.v.
    return word.charAt(0).toUpperCase() + word.slice(1);
  }
  return word;
}

/** Letters a Vietnamese word or an ordinary foreign word may contain. */
const ORDINARY = /^[\p{L}\p{M}]+$/u;
/** Tone marks and the horn and breve, which only Vietnamese writes (NFD). */
const VIETNAMESE_MARKS = /[\u0309\u0323\u031b\u0306]|[^aeiouy]\u0303|[ơư]/u;

function findJunk(
  units: Unit[],
  slots: Slot[],
  slotUnit: number[],
  choice: Int32Array,
  infos: (WordInfo | null)[],
  confidenceOf: ConfidenceOf,
  lm: SyllableLm,
): Edit[] {
  const out: Edit[] = [];
  const isGap = (x: Unit) => x.tokenKind === 'space' || x.tokenKind === 'newline';
  for (let i = 0; i < slots.length; i++) {
    // Only words with nothing to read them as: unattested, unknown to the LM, no candidate left.
    const info = infos[i];
    if (info === null || info === undefined || info.attested || choice[i] !== 0) continue;
    if (lm.has(info.form)) continue;
    const u = slotUnit[i]!;
    const w = units[u]!;
    if (w.kind !== 'word' || w.name === true) continue;
    // The chunk between spaces around it must hold no other word.
    let first = u;
    while (first > 0 && !isGap(units[first - 1]!)) first--;
    let last = u;
    while (last + 1 < units.length && !isGap(units[last + 1]!)) last++;
    let alone = true;
    for (let k = first; k <= last; k++) {
      const x = units[k]!;
      if (k !== u && x.kind !== 'skip' && x.kind !== 'break' && x.kind !== 'comma') alone = false;
    }
    if (!alone) continue;
    const start = units[first]!.start;
    const end = units[last]!.end;
    const raw =
      w.raw === w.reading
        ? units
            .slice(first, last + 1)
            .map((x) => x.raw)
            .join('')
        : w.raw;
    // Odd: symbols stuck to the letters ("rìlt-", "ỵ~"), letters no language writes together, or a
    // Vietnamese mark on what is no syllable ("rìlt"). Plain foreign words (Blockchain) are not.
    const hasPunct = last > first && /[^\p{L}\p{M}\p{N}\s.,;:!?()"“”'’]/u.test(raw.replace(w.raw, ''));
    const odd =
      hasPunct ||
      !ORDINARY.test(w.reading) ||
      (VIETNAMESE_MARKS.test(w.reading.toLowerCase().normalize('NFD')) &&
        parseSyllable(w.reading.toLowerCase(), { strictTonePlacement: false }) === null);
    if (!odd || casePattern(w.reading) === 'upper') continue;
    const conf = confidenceOf(start, end);
    // Certain only when the engine itself did not believe it.
    const confidence =
      conf !== undefined && conf < 30 ? 0.9 : hasPunct && [...w.reading].length <= 5 ? 0.4 : 0.2;
    // Remove a neighbouring space with it so no double space is left.
    const after = units[last + 1];
    const spanEnd = after !== undefined && after.tokenKind === 'space' ? after.end : end;
    out.push({
      start,
      end: spanEnd,
      replacement: '',
      confidence,
      reason: 'junk',
      alternatives: [],
      note: `${raw}: no word and nothing like one (stamp, signature or margin debris?)`,
    });
  }
  return out;
}

/**
 * Applies the confident edits and lays out the correction records, piece after piece: each record
 * gets its place in the whole input and the whole output; the output text and the records are
 * built once, at the end, from the compact store.
 */
class Assembler {
  private outLength = 0;
  private readonly records = new RecordStore();

  constructor(
    private readonly text: string,
    private readonly threshold: number,
  ) {}

  /** Adds the piece [base, end) of the text with its edits (offsets in the piece). */
  add(base: number, end: number, edits: Edit[]): void {
    const text = this.text;
    edits.sort((a, b) => a.start - b.start || b.end - a.end);
    let at = base;
    for (const e of edits) {
      const start = base + e.start;
      const stop = base + e.end;
      if (start < at) continue; // overlaps an earlier edit: the earlier (rule) wins
      if (e.replacement.length === stop - start && text.startsWith(e.replacement, start)) continue;
      this.outLength += start - at;
      const applied = e.confidence >= this.threshold && e.unsupported !== true;
      const outputStart = this.outLength;
      this.outLength += applied ? e.replacement.length : stop - start;
      this.records.push({
        start,
        end: stop,
        outputStart,
        outputEnd: this.outLength,
        replacement: e.replacement,
        confidence: Math.min(1, Math.max(0, e.confidence)),
        reason: e.reason,
        applied,
        alternatives: e.alternatives,
        note: e.note,
      });
      at = stop;
    }
    this.outLength += end - at;
  }

  finish(): { text: string; corrections: Correction[] } {
    const text = this.records.output(this.text);
    return { text, corrections: this.records.corrections(this.text, lineStartsOf(this.text)) };
  }
}
