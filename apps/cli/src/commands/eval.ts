import { parseArgs } from 'node:util';
import { scoreCorrection } from '@sohoa/correct';
import { cer, wer } from '@sohoa/vi';
import { decodeUtf8, readCommandInput, UnreadableInput } from '../input.js';
import { type Io, UsageError } from '../io.js';

export const evalHelp = `Usage: sohoa eval <hypothesis> <reference> [--before OCR_TEXT] [--json]

Measure the quality of a text against a reference you typed or checked by hand: character and
word error rates (CER, WER) over NFC text with whitespace collapsed. With --before (the text as
read before correction), also the wrong words the correction fixed and the right words it broke.
All files UTF-8 text; "-" reads one of them from standard input.

Options:
      --before FILE  the uncorrected text the hypothesis was corrected from
      --json         print the figures as JSON
  -h, --help         show this help`;

async function readText(file: string, io: Io): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readCommandInput(file, io.stdin);
  } catch (error) {
    if (error instanceof UnreadableInput) throw new UsageError(`${file}: cannot read (${error.reason})`);
    throw error;
  }
  const text = decodeUtf8(bytes);
  if (text === null) throw new UsageError(`${file}: not UTF-8 text`);
  return text;
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

export async function runEval(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      before: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${evalHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2)
    throw new UsageError('expects a hypothesis and a reference (see sohoa eval --help)');
  const [hypFile, refFile] = positionals as [string, string];
  const hypothesis = await readText(hypFile, io);
  const reference = await readText(refFile, io);
  const figures: Record<string, number> = {
    cer: cer(reference, hypothesis),
    wer: wer(reference, hypothesis),
  };
  if (values.before) {
    const before = await readText(values.before, io);
    const score = scoreCorrection(reference, before, hypothesis);
    Object.assign(figures, {
      cerBefore: cer(reference, before),
      werBefore: wer(reference, before),
      words: score.words,
      wrongBefore: score.wrongBefore,
      fixed: score.fixed,
      rightBefore: score.rightBefore,
      broken: score.broken,
    });
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return 0;
  }
  const lines = [`CER ${pct(figures.cer!)}   WER ${pct(figures.wer!)}`];
  if (values.before) {
    lines.unshift(`before correction: CER ${pct(figures.cerBefore!)}   WER ${pct(figures.werBefore!)}`);
    lines[1] = `after correction:  ${lines[1]}`;
    lines.push(
      `wrong words fixed: ${figures.fixed}/${figures.wrongBefore}   right words broken: ${figures.broken}/${figures.rightBefore}   (${figures.words} reference words)`,
    );
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
