import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { OcrDocument } from '@sohoa/model';
import { parse, planToMarkdown } from '@sohoa/parse';
import type { Io } from '../io.js';
import { UsageError } from './ocr.js';

export const parseHelp = `Usage: sohoa parse <file|-> [options]

Read a Vietnamese administrative document (Kế hoạch, Nghị quyết, Chỉ thị, Quyết định …) and
print its structure: header, heading tree, cited documents, targets, tasks (lead, coordinators,
deadline), recipients and signature. "-" reads standard input. Text must be UTF-8; scans and
PDFs are read with OCR first.

Options:
  -f, --format FMT   json (default: the plan, see "sohoa schema") or md (a readable summary
                     with the heading tree and a task table)
  -h, --help         show this help`;

const formats = ['json', 'md'] as const;
type Format = (typeof formats)[number];

/** Scans and PDFs, by their first bytes. */
function isImageOrPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 12));
  return (
    head.subarray(0, 4).toString('latin1') === '%PDF' ||
    (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') ||
    (head[0] === 0xff && head[1] === 0xd8) ||
    head.subarray(0, 4).toString('latin1') === 'II*\0' ||
    head.subarray(0, 4).toString('latin1') === 'MM\0*' ||
    head.subarray(0, 3).toString('latin1') === 'GIF' ||
    head.subarray(0, 2).toString('latin1') === 'BM' ||
    (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP')
  );
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Decode UTF-8 strictly (a legacy-encoded or binary file is an error, not mojibake). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return null;
  }
}

async function recognize(input: string, bytes: Uint8Array): Promise<OcrDocument> {
  const { createNodeOcr } = await import('@sohoa/ocr/node');
  const ocr = createNodeOcr();
  try {
    return await ocr.recognize({ source: input, bytes });
  } finally {
    await ocr.close();
  }
}

export async function runParse(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(`${parseHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('expects one input file, or "-" for standard input (see sohoa parse --help)');
  const format = values.format as Format;
  if (!formats.includes(format)) throw new UsageError(`unknown --format "${values.format}" (json or md)`);
  const input = positionals[0]!;

  let bytes: Uint8Array;
  try {
    bytes = input === '-' ? await readStdin(io.stdin) : await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    io.stderr.write(`sohoa parse: ${input}: cannot read (${reason})\n`);
    return 1;
  }
  const source = input === '-' ? 'stdin' : input;
  let plan: ReturnType<typeof parse>;
  if (isImageOrPdf(bytes)) {
    try {
      plan = parse(await recognize(source, bytes), { source });
    } catch (error) {
      io.stderr.write(`sohoa parse: ${input}: OCR failed (${(error as Error).message.split('\n')[0]})\n`);
      return 1;
    }
  } else {
    const text = decodeUtf8(bytes);
    if (text === null || text.includes('\u0000')) {
      io.stderr.write(`sohoa parse: ${input}: not UTF-8 text (convert it to UTF-8, or pass a scan or PDF)\n`);
      return 1;
    }
    if (!text.trim()) {
      io.stderr.write(`sohoa parse: ${input}: empty input\n`);
      return 1;
    }
    plan = parse(text, { source });
  }
  io.stdout.write(format === 'md' ? planToMarkdown(plan) : `${JSON.stringify(plan, null, 2)}\n`);
  return 0;
}
