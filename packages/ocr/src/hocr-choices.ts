/**
 * Tesseract's per-character alternatives, read from the hOCR it writes with `lstm_choice_mode` 2:
 * each word (`ocrx_word`, with its bbox) holds one `lstm_choices_*` group per character position,
 * each the characters the network weighed there with their confidence (`x_confs`). They become
 * whole-word alternatives (`OcrWord.choices`): the word with one character swapped for a rival the
 * network gave real weight to (`TÍNH` with `Ỉ` 84.6 against `Í` 75.6 gives `TỈNH`), the evidence a
 * corrector wants for tone marks.
 */

import type { OcrChoice } from '@sohoa/model';
import { Parser } from 'htmlparser2';

/** A rival below this confidence (0–100) is no evidence. */
export const MIN_CHOICE_CONFIDENCE = 5;
/** Alternatives kept per word, best first. */
export const MAX_CHOICES = 4;

/** One character position: its candidates, best first. */
type Group = { text: string; confidence: number }[];

/** The groups of each word, keyed by its bbox ("x0 y0 x1 y1" in page pixels). */
export function hocrGroups(hocr: string): Map<string, Group[]> {
  const words = new Map<string, Group[]>();
  let word: Group[] | null = null;
  let group: Group | null = null;
  let choice: { text: string; confidence: number } | null = null;
  // Depth of spans inside the current word, to know when it closes.
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'span') return;
        const cls = attributes.class ?? '';
        const id = attributes.id ?? '';
        const title = attributes.title ?? '';
        if (cls === 'ocrx_word') {
          const bbox = /bbox (\d+) (\d+) (\d+) (\d+)/.exec(title);
          word = [];
          depth = 0;
          if (bbox) words.set(`${bbox[1]} ${bbox[2]} ${bbox[3]} ${bbox[4]}`, word);
          return;
        }
        if (word === null) return;
        depth++;
        if (id.startsWith('lstm_choices_')) {
          group = [];
          word.push(group);
        } else if (id.startsWith('choice_') && group !== null) {
          const conf = /x_confs ([\d.]+)/.exec(title);
          choice = { text: '', confidence: conf ? Number(conf[1]) : 0 };
        }
      },
      ontext(text) {
        if (choice !== null) choice.text += text;
      },
      onclosetag(name) {
        if (name !== 'span' || word === null) return;
        if (choice !== null) {
          group?.push(choice);
          choice = null;
        } else if (group !== null) group = null;
        if (depth === 0) word = null;
        else depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(hocr);
  parser.end();
  return words;
}

/**
 * Whole-word alternatives of `text` (confidence `confidence`) from its character groups: one
 * character swapped for a rival of at least MIN_CHOICE_CONFIDENCE, scored as the word's confidence
 * times the rival's against the character read. Groups of a space (tesseract opens some words
 * with one) are dropped; when the rest do not line up with the word's characters, none are given.
 */
export function wordChoices(text: string, confidence: number, groups: readonly Group[]): OcrChoice[] {
  const chars = [...text.normalize('NFC')];
  const positions = groups.filter((g) => !(g.length > 0 && g[0]!.text.trim() === ''));
  if (positions.length !== chars.length) return [];
  const out: OcrChoice[] = [];
  const seen = new Set<string>([text.normalize('NFC')]);
  positions.forEach((group, i) => {
    const own = group.find((c) => c.text.normalize('NFC') === chars[i]) ?? group[0];
    if (own === undefined || own.confidence <= 0) return;
    for (const rival of group) {
      const letter = rival.text.normalize('NFC');
      if (letter === chars[i] || rival.confidence < MIN_CHOICE_CONFIDENCE || [...letter].length !== 1)
        continue;
      const word = [...chars.slice(0, i), letter, ...chars.slice(i + 1)].join('');
      if (seen.has(word)) continue;
      seen.add(word);
      const score = Math.min(100, (confidence * rival.confidence) / own.confidence);
      out.push({ text: word, confidence: Math.round(score * 10) / 10 });
    }
  });
  return out.sort((a, b) => b.confidence - a.confidence).slice(0, MAX_CHOICES);
}
