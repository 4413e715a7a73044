import { correctHelp, runCorrect } from './commands/correct.js';
import { ocrHelp, runOcr, UsageError } from './commands/ocr.js';
import { parseHelp, runParse } from './commands/parse.js';
import { runSchema, schemaHelp } from './commands/schema.js';
import { type Io, processIo } from './io.js';

const help = `sohoa — digitise scanned Vietnamese administrative documents, offline.

Usage: sohoa <command> [options]

Commands:
  ocr <inputs...>   read scans and PDFs into text (txt, json, hocr)
  correct <file|->  fix OCR errors in Vietnamese text: diacritics, look-alikes, splits (text, json, diff)
  parse <file|->    read a document's structure: header, sections, tasks (json, md)
  schema            print the JSON Schema of the parsed plan

Run "sohoa <command> --help" for a command's options.`;

const commands: Record<string, { run: (argv: string[], io: Io) => Promise<number>; help: string }> = {
  ocr: { run: runOcr, help: ocrHelp },
  correct: { run: runCorrect, help: correctHelp },
  parse: { run: runParse, help: parseHelp },
  schema: { run: runSchema, help: schemaHelp },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${help}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('0.1.0\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`sohoa: unknown command "${name}"\n${help}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`sohoa ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    io.stderr.write(`sohoa ${name}: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
