#!/usr/bin/env node
/**
 * Builds the syllable language model committed as packages/correct/model/syllable-lm.bin from the
 * corpus (../shared/corpus/*.jsonl.gz beside the repository), then reports its size, load time and
 * perplexity on the held-out documents. Run from the repository root: `npm run build:lm`.
 *
 * Options (after `--`):
 *   --corpus DIR        corpus directory (default: $SOHOA_CORPUS or ../shared/corpus)
 *   --out FILE          output file (default: packages/correct/model/syllable-lm.bin)
 *   --no-quantize       store float32 values instead of 8-bit codes
 *   --min-trigram N     keep trigrams seen at least N times (default 2)
 *   --min-bigram N      keep bigrams with an adjusted count of at least N (default 1)
 *   --min-syllable N    vocabulary threshold of syllables (default 2)
 *   --min-word N        vocabulary threshold of acronyms and other words (default 10)
 *   --eval-only         only evaluate the existing output file
 *
 * The same corpus gives the same bytes: documents are read in file-name then line order, the
 * builder sorts everything it counts, and nothing depends on time or the machine.
 */

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const repoRoot = resolve(packageDir, '../..');

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: process.env.SOHOA_CORPUS ?? resolve(repoRoot, '../shared/corpus') },
    out: { type: 'string', default: join(packageDir, 'model/syllable-lm.bin') },
    'no-quantize': { type: 'boolean', default: false },
    'min-trigram': { type: 'string', default: '2' },
    'min-bigram': { type: 'string', default: '1' },
    'min-syllable': { type: 'string', default: '2' },
    'min-word': { type: 'string', default: '10' },
    'eval-only': { type: 'boolean', default: false },
  },
});

const distBuild = join(packageDir, 'dist/build.js');
const distIndex = join(packageDir, 'dist/index.js');
if (!existsSync(distBuild) || !existsSync(distIndex)) {
  console.error('packages/correct is not built: run `npx turbo run build --filter=@sohoa/correct` first.');
  process.exit(1);
}
const { LmBuilder } = await import(distBuild);
const { isHeldOut, lmSentences, loadSyllableLm, perplexity } = await import(distIndex);

const corpus = resolve(args.corpus);
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.jsonl.gz'))
  .sort();
if (files.length === 0) {
  console.error(`No *.jsonl.gz files in ${corpus}.`);
  process.exit(1);
}

/** Corpus documents in file-name, then line order. */
async function* documents() {
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(join(corpus, file)).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const doc = JSON.parse(line);
      if (typeof doc.id !== 'string' || typeof doc.text !== 'string') {
        throw new Error(`${file}: a line without a string id and text.`);
      }
      yield { id: doc.id, source: doc.source ?? file, text: doc.text };
    }
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const t0 = performance.now();

// Pass 1: the held-out documents, for exclusion and evaluation.
const heldOut = [];
const heldOutBySource = {};
for await (const doc of documents()) {
  if (!isHeldOut(doc.id)) continue;
  heldOut.push({ id: doc.id, sentences: lmSentences(doc.text) });
  heldOutBySource[doc.source] = (heldOutBySource[doc.source] ?? 0) + 1;
}
console.log(
  `held out: ${heldOut.length} documents (${Object.entries(heldOutBySource)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ')}) [${seconds(performance.now() - t0)}]`,
);

let bytes;
if (args['eval-only']) {
  bytes = readFileSync(args.out);
} else {
  const builder = new LmBuilder({
    quantize: !args['no-quantize'],
    minTrigramCount: Number(args['min-trigram']),
    minBigramCount: Number(args['min-bigram']),
    minSyllableCount: Number(args['min-syllable']),
    minWordCount: Number(args['min-word']),
  });
  for (const doc of heldOut) builder.excludeSentences(doc.sentences);
  // Pass 2: the training documents.
  const t1 = performance.now();
  let characters = 0;
  for await (const doc of documents()) {
    if (isHeldOut(doc.id)) continue;
    characters += doc.text.length;
    builder.addSentences(lmSentences(doc.text));
  }
  console.log(`tokenised ${(characters / 1e6).toFixed(1)} M characters [${seconds(performance.now() - t1)}]`);
  const t2 = performance.now();
  const result = builder.build();
  const s = result.stats;
  console.log(`counted, smoothed, pruned and written [${seconds(performance.now() - t2)}]`);
  console.log(
    `training: ${s.documents} documents, ${s.sentences} sentences (${s.excludedSentences} skipped as copies of held-out sentences, ${s.boilerplateSentences} held-out sentences kept as boilerplate), ${s.tokens} tokens`,
  );
  console.log(
    `vocabulary: ${s.vocabSize} (${Object.entries(s.kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')})`,
  );
  console.log(
    `bigrams: ${s.bigrams.kept} kept of ${s.bigrams.distinct}; trigrams: ${s.trigrams.kept} kept of ${s.trigrams.distinct}`,
  );
  console.log(
    `discounts (D1, D2, D3+): ${s.discounts.map((d, i) => `order ${i + 1} ${d.map((x) => x.toFixed(3)).join(' ')}`).join('; ')}`,
  );
  bytes = result.bytes;
  writeFileSync(args.out, bytes);
  console.log(`total build time ${seconds(performance.now() - t0)}`);
}

const sha = createHash('sha256').update(bytes).digest('hex');
console.log(`${relative(process.cwd(), args.out)}: ${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${sha}`);

// Load time: a fresh copy each time, as a browser would get from fetch.
const loads = [];
let lm;
for (let i = 0; i < 5; i++) {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const t = performance.now();
  lm = loadSyllableLm(copy);
  loads.push(performance.now() - t);
}
loads.sort((a, b) => a - b);
console.log(`load: ${loads[2].toFixed(1)} ms median of 5, slowest ${loads.at(-1).toFixed(1)} ms (cold JIT)`);

const report = perplexity(
  lm,
  heldOut.flatMap((d) => d.sentences),
);
console.log(
  `held-out perplexity: ${report.perplexity.toFixed(2)} over ${report.tokens} tokens (${report.oov} OOV, ${((100 * report.oov) / report.tokens).toFixed(2)}%); ` +
    `${report.perplexityNoOov.toFixed(2)} without OOVs; ${report.syllablePerplexity.toFixed(2)} on ${report.syllableTokens} syllable predictions`,
);

// Query speed: trigram look-ups over the held-out tokens.
{
  const ids = heldOut.flatMap((d) => d.sentences.flatMap((s) => [lm.bos, ...s.map((t) => lm.id(t)), lm.eos]));
  let sum = 0;
  const t = performance.now();
  for (let round = 0; round < 3; round++) {
    for (let i = 2; i < ids.length; i++) sum += lm.logProb(ids[i - 2], ids[i - 1], ids[i]);
  }
  const ms = performance.now() - t;
  const perSecond = (3 * (ids.length - 2)) / (ms / 1000);
  console.log(`queries: ${(perSecond / 1e6).toFixed(2)} M logProb/s (checksum ${sum.toFixed(1)})`);
}
