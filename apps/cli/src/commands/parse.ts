import { parseArgs } from 'node:util';
import type { OcrDocument } from '@sohoa/model';
import { sniffInput } from '@sohoa/ocr/sniff';
import { parse, planToMarkdown } from '@sohoa/parse';
import { decodeUtf8, readCommandInput, UnreadableInput } from '../input.js';
import { type Io, UsageError } from '../io.js';

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
    bytes = await readCommandInput(input, io.stdin);
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    io.stderr.write(`sohoa parse: ${input}: cannot read (${error.reason})\n`);
    return 1;
  }
  const source = input === '-' ? 'stdin' : input;
  let plan: ReturnType<typeof parse>;
  // Scans and PDFs, recognised by their first bytes, go through OCR first.
  if (sniffInput(bytes)) {
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
