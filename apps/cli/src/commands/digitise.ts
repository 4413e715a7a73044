import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { OCR_ENGINES, type OcrEngine } from '@sohoa/correct';
import { isOcrInputError, mapLimit, readInputFile } from '@sohoa/ocr/node';
import {
  createDigitiser,
  type Digitised,
  isComplete,
  isDigitiseError,
  isOutputFormat,
  OUTPUT_FORMATS,
  type OutputFormat,
  writeOutputs,
} from 'sohoa/node';
import { collectInputs } from '../collect-inputs.js';
import { decodeUtf8 } from '../input.js';
import { type Io, UsageError } from '../io.js';
import { prepareOutputDir } from '../output-dir.js';
import { ProgressBar } from '../progress.js';
import { type FileSummary, summaryTable } from '../summary.js';
import { ocrModel } from './ocr.js';

export const digitiseHelp = `Usage: sohoa digitise <files or folders...> --out DIR [options]

Digitise scanned Vietnamese administrative documents, offline: OCR → correction → structure →
annotated exports. Folders are walked recursively (PDF, PNG, JPEG, TIFF, WebP, BMP, GIF, TXT);
each input gets its own sub-folder of outputs under DIR, mirroring the folders it came from.

Options:
  -o, --out DIR          where the outputs go (created if missing; checked before any work)
  -f, --format LIST      comma-separated, default all: json,md,html,csv,ics,docx,hocr,alto,pdf,txt
                         (hocr, alto and pdf need a scan or PDF: skipped for text inputs)
  -j, --jobs N           OCR workers and files in parallel (default: number of cores)
      --resume           skip inputs whose outputs are already complete (same file, same formats)
      --lang-model FILE  a language model file instead of the bundled one
      --ocr-model M      best (default) or fast: about 1.4× the OCR speed, nearly the same
                         accuracy after correction
  -t, --threshold X      apply corrections at least this confident, 0–1 (default 0.6)
      --tone-style S     keep (default), dominant, old or new
      --alternatives     weigh tesseract's per-character alternatives in the correction (about
                         a third more OCR time)
      --learn            learn the batch's own OCR confusions from its TXT inputs first (each
                         corrected once; the costs re-estimated from their repairs), then
                         correct them all with what was learnt: OCR of an engine nobody calibrated
      --engine E         the OCR engine that made the TXT inputs (an archive's own OCR), for the
                         corrector's calibrated costs: sohoa (default) or tesseract
  -q, --quiet            no progress bar
  -h, --help             show this help

Prints a summary table. Inputs that fail are reported on one line each; the others are still
processed; the exit code is 1 if any failed. Every output is written whole or not at all.`;

const TONE_STYLES = ['keep', 'dominant', 'old', 'new'] as const;

/** `--format json,md` → the formats, every one when not given; shared with `sohoa queue add`. */
export function parseFormats(value: string | undefined): OutputFormat[] {
  if (!value) return [...OUTPUT_FORMATS];
  const list = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  for (const f of list) {
    if (!isOutputFormat(f)) throw new UsageError(`unknown format "${f}" (${OUTPUT_FORMATS.join(', ')})`);
  }
  return [...new Set(list)] as OutputFormat[];
}

/** `1 text input`, `3 text inputs`. */
const plural = (n: number) => `${n} text input${n === 1 ? '' : 's'}`;

export async function runDigitise(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      jobs: { type: 'string', short: 'j' },
      resume: { type: 'boolean', default: false },
      'lang-model': { type: 'string' },
      'ocr-model': { type: 'string' },
      threshold: { type: 'string', short: 't' },
      'tone-style': { type: 'string' },
      engine: { type: 'string' },
      alternatives: { type: 'boolean', default: false },
      learn: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${digitiseHelp}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('no inputs (see sohoa digitise --help)');
  if (!values.out) throw new UsageError('--out DIR is required: each input gets a folder of outputs there');
  const formats = parseFormats(values.format);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new UsageError(`--jobs needs a positive whole number, got "${values.jobs}"`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    throw new UsageError(`--threshold must be between 0 and 1, got "${values.threshold}"`);
  const toneStyle = (values['tone-style'] ?? 'keep') as (typeof TONE_STYLES)[number];
  if (!TONE_STYLES.includes(toneStyle))
    throw new UsageError(`--tone-style must be ${TONE_STYLES.join(', ')}, got "${values['tone-style']}"`);
  const textEngine = (values.engine ?? 'sohoa') as OcrEngine;
  if (!OCR_ENGINES.includes(textEngine))
    throw new UsageError(`--engine must be ${OCR_ENGINES.join(' or ')}, got "${values.engine}"`);
  if (positionals.includes('-')) throw new UsageError('digitise reads files and folders, not standard input');

  const outRoot = values.out;
  await prepareOutputDir(outRoot);
  const { inputs, missing } = await collectInputs(positionals);
  const summaries: FileSummary[] = missing.map((file) => ({
    file,
    status: 'failed',
    error: 'no such file or folder',
  }));
  for (const file of missing) io.stderr.write(`sohoa: ${file}: no such file or folder\n`);

  const model = ocrModel(values['ocr-model']);
  const digitiser = await createDigitiser({
    ...(model ? { model } : {}),
    ...(jobs ? { workers: jobs } : {}),
    ...(values['lang-model'] ? { languageModel: values['lang-model'] } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    toneStyle,
    ...(textEngine !== 'sohoa' ? { textEngine } : {}),
    ...(values.alternatives ? { alternatives: true } : {}),
  }).catch((error: unknown) => {
    throw new UsageError(`--lang-model: cannot load it (${(error as Error).message.split('\n')[0]})`);
  });
  if (values.learn) {
    const texts: string[] = [];
    for (const input of inputs) {
      if (!/\.txt$/i.test(input.file)) continue;
      // Unreadable or non-UTF-8 files are reported when their turn comes; here they teach nothing.
      const text = await readFile(input.file)
        .then(decodeUtf8)
        .catch(() => null);
      if (text !== null) texts.push(text);
    }
    const learnt = digitiser.learn(texts);
    if (!values.quiet)
      io.stderr.write(
        learnt === null
          ? `sohoa digitise: ${plural(texts.length)} repaired too little to learn their confusions from; the calibrated costs are used\n`
          : `sohoa digitise: learnt the confusions of ${plural(texts.length)} (${learnt.source.replace(/^.*re-estimated on /, '')})\n`,
      );
  }
  const progress = new ProgressBar(io.stderr, inputs.length, Boolean(io.stderr.isTTY) && !values.quiet);
  try {
    const results = await mapLimit(inputs, jobs ?? digitiser.ocr.pool.size, async (input) => {
      const dir = path.join(outRoot, input.outDir);
      const base = path.basename(input.outDir);
      const summary: FileSummary = { file: input.file, status: 'done' };
      try {
        // Read once, hashed: the result is tied to the bytes it was made from.
        const bytes = await readInputFile(input.file);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        if (values.resume && (await isComplete(dir, input.file, sha256, formats))) {
          summary.status = 'skipped';
          return summary;
        }
        const result = await digitiser.digitise(
          { source: input.file, bytes },
          {
            onProgress: (p) => {
              if (p.stage === 'ocr' && p.page === 1 && p.pages) progress.addPages(p.pages);
              if (p.stage === 'ocr') progress.pageDone();
              else
                progress.stage(
                  `${p.stage === 'correct' ? 'correcting' : 'parsing'} ${path.basename(input.file)}`,
                );
            },
          },
        );
        await writeOutputs(result, { dir, base, input: input.file, sha256, formats });
        Object.assign(summary, describe(result));
      } catch (error) {
        summary.status = 'failed';
        summary.error = reason(error);
        progress.log(`sohoa: ${input.file}: ${summary.error}`);
      } finally {
        progress.fileDone();
      }
      return summary;
    });
    summaries.push(...results);
  } finally {
    progress.finish();
    await digitiser.close();
  }
  io.stdout.write(summaryTable(summaries, path.resolve(outRoot)));
  return summaries.some((s) => s.status === 'failed') ? 1 : 0;
}

function describe(result: Digitised): Partial<FileSummary> {
  const ocrPages = result.ocr?.pages ?? [];
  const confidence = ocrPages.length
    ? ocrPages.reduce((sum, p) => sum + p.confidence, 0) / ocrPages.length
    : undefined;
  const applied = result.corrections.filter((c) => c.applied).length;
  return {
    pages: ocrPages.length || undefined,
    ...(confidence !== undefined ? { confidence } : {}),
    applied,
    suggested: result.corrections.length - applied,
    tasks: result.plan.tasks.length,
  };
}

function reason(error: unknown): string {
  if (isOcrInputError(error) || isDigitiseError(error)) return error.message;
  const e = error as NodeJS.ErrnoException;
  if (e?.syscall) return `cannot write the outputs (${e.code ?? e.message})`;
  return (e?.message ?? String(error)).split('\n')[0]!;
}
