import { type Io, processIo, UsageError } from './io.js';

const help = `sohoa — digitise scanned Vietnamese administrative documents, offline.

Usage: sohoa <command> [options]

Commands:
  digitise <inputs...> --out DIR
                    the whole pipeline: OCR, correction, structure, and every export
                    (json, md, html, csv, ics, docx, hocr, alto, searchable pdf, txt)
  ocr <inputs...>   read scans and PDFs into text (txt, json, hocr)
  correct <file|->  fix OCR errors in Vietnamese text: diacritics, look-alikes, splits (text, json, diff)
  parse <file|->    read a document's structure: header, sections, tasks (json, md)
  schema            print the JSON Schema of the parsed plan
  eval <hyp> <ref>  measure a text against a reference: CER, WER, words fixed and broken

Scale-out (Redis + BullMQ; without them nothing changes):
  queue add <inputs...> --redis URL --out DIR
                    enqueue documents for workers on any number of machines
  queue status --redis URL [--watch]
                    waiting, active, done and failed; pages per minute; time left
  queue retry-failed --redis URL
                    put failed pages and documents back in the queue
  worker --redis URL [--concurrency N]
                    read pages and write outputs from the queue until stopped

Run "sohoa <command> --help" for a command's options.`;

type Run = (argv: string[], io: Io) => Promise<number>;

// Loaded on demand: only `ocr` (and `parse` given a scan) needs tesseract.js, pdf.js and canvas.
const commands: Record<string, () => Promise<Run>> = {
  digitise: async () => (await import('./commands/digitise.js')).runDigitise,
  eval: async () => (await import('./commands/eval.js')).runEval,
  ocr: async () => (await import('./commands/ocr.js')).runOcr,
  correct: async () => (await import('./commands/correct.js')).runCorrect,
  parse: async () => (await import('./commands/parse.js')).runParse,
  schema: async () => (await import('./commands/schema.js')).runSchema,
  queue: async () => (await import('./commands/queue.js')).runQueue,
  worker: async () => (await import('./commands/worker.js')).runWorker,
};

/**
 * A reader that goes away (`sohoa ocr x.pdf | head`) closes the pipe: stop quietly, as
 * Unix tools do, instead of dying on an unhandled EPIPE.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) {
    endQuietlyOnClosedPipe(process.stdout);
    endQuietlyOnClosedPipe(process.stderr);
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${help}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('0.1.0\n');
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`sohoa: unknown command "${name}"\n${help}\n`);
    return 2;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`sohoa ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    // One line for users; the stack for us when asked.
    const detail = process.env.SOHOA_DEBUG ? ((error as Error).stack ?? String(error)) : firstLine(error);
    io.stderr.write(`sohoa ${name}: ${detail}\n`);
    return 1;
  }
}

function firstLine(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.split('\n')[0] || String(error);
}
