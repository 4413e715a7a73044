import { parseArgs } from 'node:util';
import { type Correction, type CorrectResult, correct, OCR_ENGINES, type OcrEngine } from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import { OcrDocument } from '@sohoa/model';
import { decodeUtf8, readCommandInput, UnreadableInput } from '../input.js';
import { type Io, UsageError } from '../io.js';

export const correctHelp = `Usage: sohoa correct <file|-> [options]

Correct the OCR output of a Vietnamese document: diacritics lost or swapped, marks written as
apostrophes, split and merged syllables, look-alike letters and digits, heading numerals and
document numbers. Reads UTF-8 text, or the JSON of "sohoa ocr -f json" (word confidences then
weigh the choices); "-" reads standard input.

Options:
  -f, --format FMT      text (default): the corrected text
                        json: the text and every correction (place, original, replacement,
                        confidence, reason, alternatives, applied or suggested)
                        diff: the text with each change inline for review:
                        [-old-]{+new+} applied, [-old-]{?new?} suggested
  -t, --threshold X     apply corrections at least this confident, 0–1 (default 0.6);
                        the others are suggestions
      --tone-style S    keep (default: every word's tone placement as printed), dominant
                        (the document's most frequent style), old (hòa, thủy) or new (hoà, thuỷ)
      --engine E        the OCR engine that read the input, for its calibrated channel costs:
                        sohoa (default: "sohoa ocr") or tesseract (the tesseract CLI, vie model)
  -q, --quiet           no summary line on a terminal's standard error
  -h, --help            show this help`;

const FORMATS = ['text', 'json', 'diff'] as const;
type Format = (typeof FORMATS)[number];
const TONE_STYLES = ['dominant', 'old', 'new', 'keep'] as const;
type ToneStyleOption = (typeof TONE_STYLES)[number];

/** A problem with the input: one line, exit code 1. */
class InputError extends Error {}

/** UTF-8 text (a BOM is dropped), or an OcrDocument when the file is one. */
function decodeInput(file: string, bytes: Buffer): string | OcrDocument {
  const text = decodeUtf8(bytes);
  if (text === null) {
    throw new InputError(`${file}: not UTF-8 text (convert it first, e.g. iconv -f cp1258 -t utf-8)`);
  }
  if (text.includes('\u0000')) throw new InputError(`${file}: binary data, not text`);
  const start = text.trimStart();
  if (start.startsWith('{') && start.includes('"ocr-document"')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return text;
    }
    const doc = OcrDocument.safeParse(json);
    if (doc.success) return doc.data;
    throw new InputError(
      `${file}: JSON that is not a valid OCR document (${doc.error.issues[0]?.message ?? 'invalid'})`,
    );
  }
  return text;
}

const escapeDiff = (s: string) => s.replace(/([[\]{}])/g, '\\$1');

/** The input with each correction inline: [-old-]{+new+} applied, [-old-]{?new?} suggested. */
export function renderDiff(input: string, corrections: readonly Correction[], color = false): string {
  const red = (s: string) => (color ? `\u001b[31m${s}\u001b[39m` : s);
  const green = (s: string) => (color ? `\u001b[32m${s}\u001b[39m` : s);
  const yellow = (s: string) => (color ? `\u001b[33m${s}\u001b[39m` : s);
  let out = '';
  let at = 0;
  for (const c of corrections) {
    if (c.start < at) continue;
    out += input.slice(at, c.start);
    const old = `[-${escapeDiff(c.original)}-]`;
    const neu = c.applied
      ? green(`{+${escapeDiff(c.replacement)}+}`)
      : yellow(`{?${escapeDiff(c.replacement)}?}`);
    out += red(old) + neu;
    at = c.end;
  }
  return out + input.slice(at);
}

function render(format: Format, input: string, result: CorrectResult, color: boolean): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const text = format === 'diff' ? renderDiff(input, result.corrections, color) : result.text;
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

export async function runCorrect(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      threshold: { type: 'string', short: 't' },
      'tone-style': { type: 'string', default: 'keep' },
      engine: { type: 'string', default: 'sohoa' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${correctHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'no input file (a path, or - for standard input)'
        : 'one input file at a time',
    );
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown --format "${values.format}" (text, json or diff)`);
  const toneStyle = values['tone-style'] as ToneStyleOption;
  if (!TONE_STYLES.includes(toneStyle)) {
    throw new UsageError(`unknown --tone-style "${values['tone-style']}" (dominant, old, new or keep)`);
  }
  const engine = values.engine as OcrEngine;
  if (!OCR_ENGINES.includes(engine)) {
    throw new UsageError(`unknown --engine "${values.engine}" (sohoa or tesseract)`);
  }
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(values.threshold.trim() !== '' && threshold >= 0 && threshold <= 1)) {
      throw new UsageError(`--threshold needs a number from 0 to 1, got "${values.threshold}"`);
    }
  }
  const file = positionals[0]!;
  let input: string | OcrDocument;
  try {
    let bytes: Buffer;
    try {
      bytes = await readCommandInput(file, io.stdin);
    } catch (error) {
      if (error instanceof UnreadableInput) throw new InputError(`${file}: ${error.reason}`);
      throw error;
    }
    input = decodeInput(file === '-' ? 'stdin' : file, bytes);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`sohoa correct: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const lm = await loadBundledLm();
  const result = correct(input, {
    lm,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(toneStyle !== 'dominant' ? { toneStyle } : {}),
    ...(engine !== 'sohoa' ? { engine } : {}),
  });
  const text = typeof input === 'string' ? input : input.text;
  io.stdout.write(render(format, text, result, Boolean(io.stdout.isTTY)));
  if (!values.quiet && format !== 'json' && io.stderr.isTTY) {
    const applied = result.corrections.filter((c) => c.applied).length;
    const suggested = result.corrections.length - applied;
    io.stderr.write(`sohoa correct: ${applied} corrected, ${suggested} suggested\n`);
  }
  return 0;
}
