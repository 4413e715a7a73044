#!/usr/bin/env node
// Peak memory of `parse` on a huge text: a dev plan repeated to SIZE_MB (default 30) megabytes, written to
// /tmp (never committed), parsed in a child process whose peak RSS is printed.
//
//   npx turbo run build --filter=@sohoa/parse && node packages/parse/scripts/memory-check.mjs [SIZE_MB]
//   /usr/bin/time -v node packages/parse/scripts/memory-check.mjs --run /tmp/sohoa-parse-30mb.txt
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(import.meta.url);

if (process.argv[2] === '--run') {
  const { parse } = await import('../dist/index.js');
  const text = readFileSync(process.argv[3], 'utf8');
  const start = performance.now();
  const plan = parse(text);
  const ms = Math.round(performance.now() - start);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({
      ms,
      peakMb,
      sections: plan.sections.length,
      tasks: plan.tasks.length,
      messages: plan.messages.length,
    }),
  );
} else {
  const sizeMb = Number(process.argv[2] ?? 30);
  const file = `/tmp/sohoa-parse-${sizeMb}mb.txt`;
  if (!existsSync(file) || statSync(file).size < sizeMb * 1e6) {
    const dir = fileURLToPath(new URL('../../../fixtures/texts/plans/', import.meta.url));
    const name = readdirSync(dir).find((f) => f.startsWith('KH_17'));
    const plan = readFileSync(`${dir}${name}`, 'utf8');
    writeFileSync(file, plan.repeat(Math.ceil((sizeMb * 1e6) / Buffer.byteLength(plan))));
  }
  const out = execFileSync(process.execPath, [script, '--run', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = JSON.parse(out);
  console.log(
    `${file} (${(statSync(file).size / 1e6).toFixed(1)} MB): parsed in ${result.ms} ms, peak RSS ${result.peakMb} MB`,
  );
  console.log(`sections ${result.sections}, tasks ${result.tasks}, messages ${result.messages}`);
}
