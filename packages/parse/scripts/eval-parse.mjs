#!/usr/bin/env node
// Evaluate the structure parser against the hand-made gold:
// - fixtures/gold/*.json: whole plans of the dev plans (text included; matched by text);
// - fixtures/gold/corpus/*.json: plans from ../shared/corpus, by line (the corpus is never committed), in a
//   `dev` set and a `holdout` set the parser is never tuned on. Reported apart.
//
//   npm run eval:parse                      # tables for dev and hold-out, and their totals
//   npm run eval:parse -- --json            # the same figures as JSON
//   npm run eval:parse -- --verbose         # also list mismatches of the dev documents (never the hold-out's)
//   npm run eval:parse -- --dist <dir>      # evaluate another build (<dir>/parse, <dir>/model: before/after)
//
// Runs on the built packages (dist/): `npm run eval:parse` builds them first. Without ../shared/corpus (or
// SOHOA_CORPUS) only the dev plans are evaluated.
//
// Measures (conventions in fixtures/gold/README.md and fixtures/gold/corpus/README.md):
// - headings: the share of gold nodes found with the same id and number (and heading text, or line for
//   corpus gold), and whole trees exactly right;
// - tasks: predicted and gold tasks matched one-to-one (dev plans: same section, token Jaccard >= 0.5; corpus:
//   the predicted task starts inside the gold task's lines); precision, recall, F1;
// - over matched tasks: lead (token Jaccard >= 0.5 after expanding abbreviations, or both null), how the lead
//   was found (leadSource), coordinators (same groups, each matched >= 0.5), deadline (same kind, iso and
//   end), and the deadline accuracy over matched tasks whose gold states one.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const distAt = argv.includes('--dist') ? resolve(argv[argv.indexOf('--dist') + 1]) : null;
const parseDist = distAt ? join(distAt, 'parse', 'index.js') : join(here, '..', 'dist', 'index.js');
const modelDist = distAt
  ? join(distAt, 'model', 'index.js')
  : join(root, 'packages', 'model', 'dist', 'index.js');
if (!existsSync(parseDist)) {
  console.error('eval-parse: packages/parse/dist is missing; run `npm run eval:parse` (it builds first).');
  process.exit(1);
}
const { parse } = await import(pathToFileURL(parseDist).href);
const { normalizeForMatch } = await import(pathToFileURL(modelDist).href);
const { hasCorpus, readCorpusTexts, sha256 } = await import(
  pathToFileURL(join(root, 'fixtures', 'scripts', 'corpus-text.mjs')).href
);

const ABBREVIATIONS = [
  [/\bubnd\b/gu, 'ủy ban nhân dân'],
  [/\bhđnd\b/gu, 'hội đồng nhân dân'],
  [/\bubmttq\b/gu, 'ủy ban mặt trận tổ quốc'],
  [/\bmttq\b/gu, 'mặt trận tổ quốc'],
  [/\bbtt\b/gu, 'ban thường trực'],
  [/\bvn\b/gu, 'việt nam'],
  [/\bkcn\b/gu, 'khu công nghiệp'],
  [/\bccn\b/gu, 'cụm công nghiệp'],
  [/\bđ\/c\b/gu, 'đồng chí'],
];
const fold = (s) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/uỷ/gu, 'ủy')
    .replace(/oà/gu, 'òa')
    .replace(/oá/gu, 'óa')
    .replace(/oạ/gu, 'ọa');
function tokens(text, expand = false) {
  let t = fold(normalizeForMatch(text ?? ''));
  if (expand) for (const [re, full] of ABBREVIATIONS) t = t.replace(re, full);
  return new Set(t.split(' ').filter(Boolean));
}
function jaccard(a, b) {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
const squash = (s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

function flatten(sections, out = []) {
  for (const s of sections) {
    out.push({ id: s.id, number: squash(s.number), heading: squash(s.heading), line: s.line });
    flatten(s.children, out);
  }
  return out;
}
const planNodes = (plan) =>
  flatten(plan.sections).concat(plan.appendices.flatMap((a) => flatten(a.sections)));

/** Greedy one-to-one matching of the pairs `score` accepts, best first. */
function matchOneToOne(gold, pred, score) {
  const pairs = [];
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      const j = score(g, p);
      if (j !== null) pairs.push({ gi, pi, j });
    });
  });
  pairs.sort((a, b) => b.j - a.j || a.gi - b.gi || a.pi - b.pi);
  const usedG = new Set();
  const usedP = new Set();
  const matches = [];
  for (const pair of pairs) {
    if (usedG.has(pair.gi) || usedP.has(pair.pi)) continue;
    usedG.add(pair.gi);
    usedP.add(pair.pi);
    matches.push(pair);
  }
  return {
    matches,
    missed: gold.filter((_, i) => !usedG.has(i)),
    spurious: pred.filter((_, i) => !usedP.has(i)),
  };
}

const byText = (g, p) => {
  if (p.section !== g.section) return null;
  const j = jaccard(tokens(g.text), tokens(p.text));
  return j >= 0.5 ? j : null;
};
// A predicted task matches the gold task it starts in; the exact start line first, then the closest.
const byLines = (g, p) =>
  p.line !== undefined && p.line >= g.line && p.line <= g.endLine ? 1 / (1 + p.line - g.line) : null;

const sameLead = (a, b) =>
  a === null || b === null ? a === b : jaccard(tokens(a, true), tokens(b, true)) >= 0.5;
function sameCoordinators(a, b) {
  if (a.length !== b.length) return false;
  const used = new Set();
  for (const x of a) {
    const k = b.findIndex((y, i) => !used.has(i) && jaccard(tokens(x, true), tokens(y, true)) >= 0.5);
    if (k < 0) return false;
    used.add(k);
  }
  return true;
}
const sameDeadline = (a, b) =>
  a === null || b === null
    ? a === b
    : a.kind === b.kind && a.iso === b.iso && (a.end ?? null) === (b.end ?? null);

/** Figures of one document. */
function score({ name, set, goldNodes, nodeOk, goldTasks, plan, matchBy }) {
  const p = planNodes(plan);
  const pById = new Map(p.map((n) => [n.id, n]));
  const nodesOk = goldNodes.filter((n) => nodeOk(n, pById.get(n.id))).length;
  const treeExact = goldNodes.length === p.length && nodesOk === goldNodes.length;

  const { matches, missed, spurious } = matchOneToOne(goldTasks, plan.tasks, matchBy);
  const row = {
    name,
    set,
    treeExact,
    nodes: goldNodes.length,
    nodesOk,
    gold: goldTasks.length,
    pred: plan.tasks.length,
    matched: matches.length,
    lead: 0,
    leadSource: 0,
    leadSourceGold: 0,
    coord: 0,
    deadline: 0,
    deadlineGold: 0,
    deadlineGoldOk: 0,
  };
  const wrong = [];
  for (const m of matches) {
    const gt = goldTasks[m.gi];
    const pt = plan.tasks[m.pi];
    const okLead = sameLead(gt.lead, pt.lead);
    const okSource = gt.leadSource === undefined || gt.leadSource === pt.leadSource;
    const okCoord = sameCoordinators(gt.coordinators, pt.coordinators);
    const okDeadline = sameDeadline(gt.deadline, pt.deadline);
    if (okLead) row.lead++;
    if (gt.leadSource !== undefined) {
      row.leadSourceGold++;
      if (okSource) row.leadSource++;
    }
    if (okCoord) row.coord++;
    if (okDeadline) row.deadline++;
    if (gt.deadline) {
      row.deadlineGold++;
      if (okDeadline) row.deadlineGoldOk++;
    }
    if (!okLead || !okSource || !okCoord || !okDeadline)
      wrong.push({ gt, pt, okLead, okSource, okCoord, okDeadline });
  }
  return { row, detail: { goldNodes, p, pById, nodeOk, missed, spurious, wrong } };
}

const rows = [];
const details = [];

// Dev plans: whole Plan gold with the text in the repository.
const goldDir = join(root, 'fixtures', 'gold');
for (const file of readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8'));
  const text = readFileSync(join(root, gold.source), 'utf8');
  const plan = parse(text, { source: gold.source });
  const { row, detail } = score({
    name: file.replace(/\.json$/u, ''),
    set: 'dev',
    goldNodes: planNodes(gold),
    nodeOk: (n, q) => q && q.number === n.number && q.heading === n.heading,
    goldTasks: gold.tasks,
    plan,
    matchBy: byText,
  });
  rows.push(row);
  details.push(detail);
}

// Corpus plans: gold by line, texts read from ../shared/corpus.
const corpusDir = join(goldDir, 'corpus');
const corpusGold = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: f, gold: JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) }))
  : [];
let corpusNote = '';
if (corpusGold.length > 0 && !hasCorpus()) {
  corpusNote = `(${corpusGold.length} corpus documents skipped: ../shared/corpus not found; set SOHOA_CORPUS)`;
} else {
  const byCorpus = new Map();
  for (const { gold } of corpusGold) {
    if (!byCorpus.has(gold.corpus)) byCorpus.set(gold.corpus, []);
    byCorpus.get(gold.corpus).push(gold.id);
  }
  const texts = new Map();
  for (const [file, ids] of byCorpus)
    for (const [id, text] of await readCorpusTexts(file, ids)) texts.set(`${file}\u0000${id}`, text);
  for (const { file, gold } of corpusGold) {
    const text = texts.get(`${gold.corpus}\u0000${gold.id}`);
    if (text === undefined || sha256(text) !== gold.sha256) {
      console.error(`eval-parse: ${file}: its corpus text is missing or changed (sha256); skipped`);
      continue;
    }
    const plan = parse(text, { source: gold.id });
    const { row, detail } = score({
      name: file.replace(/\.json$/u, ''),
      set: gold.set,
      goldNodes: gold.sections.map((s) => ({ ...s, number: squash(s.number) })),
      nodeOk: (n, q) => q && q.number === n.number && q.line === n.line,
      goldTasks: gold.tasks,
      plan,
      matchBy: byLines,
    });
    rows.push(row);
    details.push(detail);
  }
}

const KEYS = [
  'nodes',
  'nodesOk',
  'gold',
  'pred',
  'matched',
  'lead',
  'leadSource',
  'leadSourceGold',
  'coord',
  'deadline',
  'deadlineGold',
  'deadlineGoldOk',
];
function total(set) {
  const t = { documents: 0, treeExact: 0 };
  for (const k of KEYS) t[k] = 0;
  for (const r of rows.filter((r) => r.set === set)) {
    t.documents++;
    if (r.treeExact) t.treeExact++;
    for (const k of KEYS) t[k] += r[k];
  }
  const precision = t.pred ? t.matched / t.pred : 1;
  const recall = t.gold ? t.matched / t.gold : 1;
  return {
    ...t,
    headingNodes: t.nodesOk / (t.nodes || 1),
    taskPrecision: precision,
    taskRecall: recall,
    taskF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    leadAccuracy: t.lead / (t.matched || 1),
    leadSourceAccuracy: t.leadSource / (t.leadSourceGold || 1),
    coordinatorAccuracy: t.coord / (t.matched || 1),
    deadlineAccuracy: t.deadline / (t.matched || 1),
    deadlineAccuracyWhereStated: t.deadlineGoldOk / (t.deadlineGold || 1),
  };
}
const overall = { dev: total('dev'), holdout: total('holdout') };

if (args.has('--json')) {
  console.log(JSON.stringify({ documents: rows, overall }, null, 2));
  process.exit(0);
}

const pct = (n, d) => (d === 0 ? '  –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}`);
const f1 = (r) => {
  const p = r.pred ? r.matched / r.pred : 1;
  const q = r.gold ? r.matched / r.gold : 1;
  return p + q ? (2 * p * q) / (p + q) : 0;
};
const head = [
  'document'.padEnd(40),
  'tree',
  ' nodes',
  ' tasks g/p/m',
  '   P  ',
  '   R  ',
  '  F1  ',
  ' lead ',
  ' how  ',
  ' coord',
  ' dline',
  'dl(st)',
].join(' ');
const line = (r) =>
  [
    r.name.slice(0, 40).padEnd(40),
    r.treeExact ? ' yes' : '  no',
    `${pct(r.nodesOk, r.nodes)}%`,
    `${String(r.gold).padStart(4)}/${String(r.pred).padStart(3)}/${String(r.matched).padStart(3)}`,
    `${pct(r.matched, r.pred)}%`,
    `${pct(r.matched, r.gold)}%`,
    `${(100 * f1(r)).toFixed(1).padStart(5)}%`,
    `${pct(r.lead, r.matched)}%`,
    `${pct(r.leadSource, r.leadSourceGold)}%`,
    `${pct(r.coord, r.matched)}%`,
    `${pct(r.deadline, r.matched)}%`,
    `${pct(r.deadlineGoldOk, r.deadlineGold)}%`,
  ].join(' ');
const f = (x) => `${(100 * x).toFixed(1)}%`;
const summary = (label, o) =>
  `${label} (${o.documents} documents): heading trees exact ${o.treeExact}/${o.documents}, heading nodes ${f(o.headingNodes)}; ` +
  `tasks P ${f(o.taskPrecision)} R ${f(o.taskRecall)} F1 ${f(o.taskF1)} (gold ${o.gold}, predicted ${o.pred}, matched ${o.matched}); ` +
  `over matched tasks: lead ${f(o.leadAccuracy)}, lead source ${o.leadSourceGold ? f(o.leadSourceAccuracy) : '–'}, coordinators ${f(o.coordinatorAccuracy)}, ` +
  `deadline ${f(o.deadlineAccuracy)}, deadline where stated ${f(o.deadlineAccuracyWhereStated)} (${o.deadlineGoldOk}/${o.deadlineGold})`;

for (const [set, label] of [
  ['dev', 'DEV (tuned on)'],
  ['holdout', 'HOLD-OUT (never tuned on)'],
]) {
  const these = rows.filter((r) => r.set === set);
  if (these.length === 0) continue;
  console.log(`\n${label}\n${head}`);
  for (const r of these) console.log(line(r));
}
console.log('');
console.log(summary('dev', overall.dev));
if (overall.holdout.documents > 0) console.log(summary('hold-out', overall.holdout));
if (corpusNote) console.log(corpusNote);

if (args.has('--verbose')) {
  rows.forEach((r, i) => {
    if (r.set !== 'dev') return;
    const d = details[i];
    console.log(`\n## ${r.name}`);
    for (const n of d.goldNodes) {
      const q = d.pById.get(n.id);
      if (!d.nodeOk(n, q))
        console.log(
          `  heading ${n.id}: gold ${JSON.stringify(`${n.number} ${n.heading ?? ''}`.slice(0, 80))} @${n.line}; got ${q ? JSON.stringify(`${q.number} ${q.heading}`.slice(0, 80)) : '(missing)'} @${q?.line}`,
        );
    }
    const goldIds = new Set(d.goldNodes.map((n) => n.id));
    for (const n of d.p)
      if (!goldIds.has(n.id))
        console.log(
          `  heading ${n.id}: extra ${JSON.stringify(`${n.number} ${n.heading}`.slice(0, 80))} @${n.line}`,
        );
    for (const t of d.missed)
      console.log(`  missed   [${t.section}] @${t.line} ${(t.text ?? `lead ${t.lead}`).slice(0, 100)}`);
    for (const t of d.spurious) console.log(`  spurious [${t.section}] @${t.line} ${t.text.slice(0, 100)}`);
    for (const w of d.wrong) {
      console.log(`  task     [${w.gt.section}] @${w.gt.line} ${(w.pt.text ?? '').slice(0, 70)}`);
      if (!w.okLead || !w.okSource)
        console.log(
          `           lead: gold ${JSON.stringify(w.gt.lead)} (${w.gt.leadSource}) got ${JSON.stringify(w.pt.lead)} (${w.pt.leadSource})`,
        );
      if (!w.okCoord)
        console.log(
          `           coordinators: gold ${JSON.stringify(w.gt.coordinators)} got ${JSON.stringify(w.pt.coordinators)}`,
        );
      if (!w.okDeadline)
        console.log(
          `           deadline: gold ${JSON.stringify(w.gt.deadline)} got ${JSON.stringify(w.pt.deadline)}`,
        );
    }
  });
}
