import { parseArgs } from 'node:util';
import { toHocr, uncorrected } from '@sohoa/export';
import type { OcrDocument } from '@sohoa/model';
import { createNodeOcr, isOcrInputError, mapLimit, readInputFile } from '@sohoa/ocr/node';
import writeFileAtomic from 'write-file-atomic';
import { readCommandInput } from '../input.js';
import { type Io, UsageError } from '../io.js';
import { prepareOutputDir } from '../output-dir.js';
import { outputPaths } from '../output-names.js';
import { ProgressBar } from '../progress.js';

export const ocrHelp = `Usage: sohoa ocr <inputs...> [options]

Read scanned documents (PNG, JPEG, TIFF, WebP, BMP, GIF, PDF) into text, offline.

Options:
  -o, --out DIR        write one output file per input into DIR (created if missing)
  -f, --format FMT     txt (default), json (the OCR document: pages, blocks, lines, words
                       with boxes and confidence) or hocr
  -j, --jobs N         OCR workers running in parallel (default: number of cores)
      --dpi N          maximum resolution for rendering image-only PDF pages (default 300)
      --psm N          tesseract page segmentation mode (default 3, automatic)
      --ocr-model M    best (default: the most accurate network) or fast (about 1.4× the
                       speed, nearly the same accuracy after correction)
      --no-preprocess  send pages to the OCR engine as they are (no denoise, deskew,
                       binarisation or upscaling)
      --alternatives   keep tesseract's per-character alternatives as each word's choices in
                       the json (evidence "sohoa correct" weighs; about a third more time)
  -q, --quiet          no progress bar
  -h, --help           show this help

"-" reads one document from standard input. Without --out, the text goes to standard output. Inputs that fail are
reported on one line each; the others are still processed; the exit code is 1 if any failed.`;

const extensions = { txt: '.txt', json: '.json', hocr: '.hocr' } as const;
type Format = keyof typeof extensions;

function render(doc: OcrDocument, format: Format): string {
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  if (format === 'hocr') return toHocr(uncorrected(doc));
  return doc.text.endsWith('\n') ? doc.text : `${doc.text}\n`;
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} needs a positive whole number, got "${value}"`);
  return n;
}

export async function runOcr(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f', default: 'txt' },
      jobs: { type: 'string', short: 'j' },
      dpi: { type: 'string' },
      psm: { type: 'string' },
      'no-preprocess': { type: 'boolean', default: false },
      alternatives: { type: 'boolean', default: false },
      'ocr-model': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${ocrHelp}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('no input files (see sohoa ocr --help)');
  if (positionals.filter((p) => p === '-').length > 1)
    throw new UsageError('"-" (standard input) can be given only once');
  const format = values.format as Format;
  if (!(format in extensions))
    throw new UsageError(`unknown --format "${values.format}" (txt, json or hocr)`);
  const jobs = positiveInt('jobs', values.jobs);
  const dpi = positiveInt('dpi', values.dpi);
  const psm = values.psm === undefined ? undefined : Number(values.psm);
  if (psm !== undefined && !(Number.isInteger(psm) && psm >= 0 && psm <= 13)) {
    throw new UsageError(`--psm must be 0–13, got "${values.psm}"`);
  }

  const outDir = values.out;
  const targets = outDir ? outputPaths(positionals, outDir, extensions[format]) : [];
  // Checked before any OCR: a folder that cannot be written would waste the whole run.
  if (outDir) await prepareOutputDir(outDir);

  const model = ocrModel(values['ocr-model']);
  const ocr = createNodeOcr({
    ...(model ? { model } : {}),
    ...(jobs ? { workers: jobs } : {}),
    ...(dpi ? { dpi } : {}),
    ...(psm !== undefined ? { psm } : {}),
    ...(values['no-preprocess'] ? { preprocess: false as const } : {}),
    ...(values.alternatives ? { alternatives: true } : {}),
  });
  const progress = new ProgressBar(io.stderr, positionals.length, Boolean(io.stderr.isTTY) && !values.quiet);
  let failures = 0;
  const pending = new Map<number, string>();
  let nextToPrint = 0;
  const flushStdout = () => {
    while (pending.has(nextToPrint)) {
      const text = pending.get(nextToPrint)!;
      pending.delete(nextToPrint);
      if (text) {
        if (positionals.length > 1) io.stdout.write(`==> ${positionals[nextToPrint]} <==\n`);
        io.stdout.write(text);
      }
      nextToPrint++;
    }
  };
  try {
    // Files run side by side so one worker is never idle while another file's pages are
    // still being read; the pool caps the OCR work itself.
    await mapLimit(positionals, ocr.pool.size, async (input, index) => {
      let output = '';
      try {
        const bytes =
          input === '-' ? new Uint8Array(await readCommandInput('-', io.stdin)) : await readInputFile(input);
        const doc = await ocr.recognize(
          { source: input === '-' ? 'stdin' : input, bytes },
          { onPages: (_s, n) => progress.addPages(n), onPage: () => progress.pageDone() },
        );
        output = render(doc, format);
        // Through a temporary file, fsync'd, then renamed: never half an output.
        if (outDir) await writeFileAtomic(targets[index]!, output);
      } catch (error) {
        failures++;
        const message = isOcrInputError(error) ? error.message : oneLine(error);
        progress.log(`sohoa: ${input === '-' ? 'stdin' : input}: ${message}`);
        output = '';
      } finally {
        progress.fileDone();
        if (!outDir) {
          pending.set(index, output);
          flushStdout();
        }
      }
    });
  } finally {
    progress.finish();
    await ocr.close();
  }
  return failures > 0 ? 1 : 0;
}

/** An unexpected error as one line: its message, or its code for file-system errors. */
function oneLine(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const text = (e?.message ?? String(error)).split('\n')[0]!;
  return e?.syscall === 'rename' || e?.syscall === 'open'
    ? `cannot write the output (${e.code ?? text})`
    : text;
}

/** --ocr-model, checked: the Vietnamese network to read with. */
export function ocrModel(value: string | undefined): 'best' | 'fast' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'best' && value !== 'fast')
    throw new UsageError(`--ocr-model must be best or fast, got "${value}"`);
  return value;
}
