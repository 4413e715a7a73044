import { parseArgs } from 'node:util';
import { planJsonSchema } from '@sohoa/model';
import type { Io } from '../io.js';

export const schemaHelp = `Usage: sohoa schema

Print the JSON Schema (draft 2020-12) of the plan that "sohoa parse" outputs.`;

export async function runSchema(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.stdout.write(`${schemaHelp}\n`);
    return 0;
  }
  io.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  return 0;
}
