#!/usr/bin/env node
// Evaluate the structure parser against the hand-made gold plans in fixtures/gold/.
//
//   npm run eval:parse               # table per document and overall
//   npm run eval:parse -- --json     # the same figures as JSON
//   npm run eval:parse -- --verbose  # also list mismatched headings, missed and spurious tasks
//
// Runs on the built package (dist/): `npm run eval:parse` builds it first.
//
// Measures (conventions in fixtures/gold/README.md):
// - heading tree: exact match of the whole tree (ids, numbers, headings), and the share of gold nodes found
//   with the same id, number and heading;
// - tasks: predicted and gold tasks of the same section matched one-to-one by the Jaccard overlap of their
//   normalised token sets (>= 0.5, best pairs first); precision, recall, F1;
// - over matched tasks: lead (token Jaccard >= 0.5 after expanding abbreviations, or both null),
//   coordinators (same number of groups, each matched >= 0.5), deadline (same kind, iso and end), and the
//   deadline accuracy over matched tasks whose gold states a deadline;
// - references: recall and precision by `referenceKey`;
// - header: docType, number, date, place and issuer name equal to the gold.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const dist = join(here, '..', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('eval-parse: packages/parse/dist is missing; run `npm run eval:parse` (it builds first).');
  process.exit(1);
}
const { parse } = await import(dist);
const { normalizeForMatch, referenceKey, planSectionIds } = await import(
  join(root, 'packages', 'model', 'dist', 'index.js')
);

const args = new Set(process.argv.slice(2));
const goldDir = join(root, 'fixtures', 'gold');
const files = readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

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

function flatten(sections, out = []) {
  for (const s of sections) {
    out.push({
      id: s.id,
      number: s.number,
      heading: s.heading.normalize('NFC').replace(/\s+/gu, ' ').trim(),
    });
    flatten(s.children, out);
  }
  return out;
}

/** Greedy one-to-one matching of tasks within the same section by token Jaccard. */
function matchTasks(gold, pred) {
  const pairs = [];
  gold.forEach((g, gi) => {
    const gt = tokens(g.text);
    pred.forEach((p, pi) => {
      if (p.section !== g.section) return;
      const j = jaccard(gt, tokens(p.text));
      if (j >= 0.5) pairs.push({ gi, pi, j });
    });
  });
  pairs.sort((a, b) => b.j - a.j);
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

const pct = (n, d) => (d === 0 ? '  –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}`);
const rows = [];
const totals = {
  treeExact: 0,
  docs: 0,
  nodes: 0,
  nodesOk: 0,
  gold: 0,
  pred: 0,
  matched: 0,
  lead: 0,
  coord: 0,
  deadline: 0,
  deadlineGold: 0,
  deadlineGoldOk: 0,
  refGold: 0,
  refFound: 0,
  refPred: 0,
  header: 0,
  headerFields: 0,
};

for (const file of files) {
  const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8'));
  const text = readFileSync(join(root, gold.source), 'utf8');
  const plan = parse(text, { source: gold.source });

  // Heading tree.
  const g = flatten(gold.sections).concat(gold.appendices.flatMap((a) => flatten(a.sections)));
  const p = flatten(plan.sections).concat(plan.appendices.flatMap((a) => flatten(a.sections)));
  const pById = new Map(p.map((n) => [n.id, n]));
  const nodesOk = g.filter((n) => {
    const q = pById.get(n.id);
    return q && q.number === n.number && q.heading === n.heading;
  }).length;
  const treeExact = g.length === p.length && nodesOk === g.length;

  // Tasks.
  const { matches, missed, spurious } = matchTasks(gold.tasks, plan.tasks);
  let lead = 0;
  let coord = 0;
  let deadline = 0;
  let deadlineGold = 0;
  let deadlineGoldOk = 0;
  const wrong = [];
  for (const m of matches) {
    const gt = gold.tasks[m.gi];
    const pt = plan.tasks[m.pi];
    const okLead = sameLead(gt.lead, pt.lead);
    const okCoord = sameCoordinators(gt.coordinators, pt.coordinators);
    const okDeadline = sameDeadline(gt.deadline, pt.deadline);
    if (okLead) lead++;
    if (okCoord) coord++;
    if (okDeadline) deadline++;
    if (gt.deadline) {
      deadlineGold++;
      if (okDeadline) deadlineGoldOk++;
    }
    if (!okLead || !okCoord || !okDeadline) wrong.push({ gt, pt, okLead, okCoord, okDeadline });
  }

  // References.
  const goldKeys = new Set(gold.references.map(referenceKey));
  const predKeys = new Set(plan.references.map(referenceKey));
  const refFound = [...goldKeys].filter((k) => predKeys.has(k)).length;

  // Header.
  const fields = [
    ['docType', gold.docType.code, plan.docType.code],
    ['regime', gold.regime, plan.regime],
    ['number', gold.number?.raw ?? null, plan.number?.raw ?? null],
    ['date', gold.date?.iso ?? null, plan.date?.iso ?? null],
    ['place', gold.place, plan.place],
    ['issuer', gold.issuer.name, plan.issuer.name],
    ['summary', gold.summary, plan.summary],
  ];
  const headerOk = fields.filter(([, a, b]) => a === b).length;

  const precision = plan.tasks.length ? matches.length / plan.tasks.length : 1;
  const recall = gold.tasks.length ? matches.length / gold.tasks.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  rows.push({
    file: file.replace(/\.json$/u, ''),
    treeExact,
    nodes: g.length,
    nodesOk,
    gold: gold.tasks.length,
    pred: plan.tasks.length,
    matched: matches.length,
    precision,
    recall,
    f1,
    lead,
    coord,
    deadline,
    deadlineGold,
    deadlineGoldOk,
    refGold: goldKeys.size,
    refFound,
    refPred: predKeys.size,
    headerOk,
    headerFields: fields.length,
  });
  Object.assign(totals, {
    treeExact: totals.treeExact + (treeExact ? 1 : 0),
    docs: totals.docs + 1,
    nodes: totals.nodes + g.length,
    nodesOk: totals.nodesOk + nodesOk,
    gold: totals.gold + gold.tasks.length,
    pred: totals.pred + plan.tasks.length,
    matched: totals.matched + matches.length,
    lead: totals.lead + lead,
    coord: totals.coord + coord,
    deadline: totals.deadline + deadline,
    deadlineGold: totals.deadlineGold + deadlineGold,
    deadlineGoldOk: totals.deadlineGoldOk + deadlineGoldOk,
    refGold: totals.refGold + goldKeys.size,
    refFound: totals.refFound + refFound,
    refPred: totals.refPred + predKeys.size,
    header: totals.header + headerOk,
    headerFields: totals.headerFields + fields.length,
  });

  if (args.has('--verbose')) {
    console.log(`\n## ${file}`);
    for (const n of g) {
      const q = pById.get(n.id);
      if (!q || q.number !== n.number || q.heading !== n.heading) {
        console.log(`  heading ${n.id}: gold ${JSON.stringify(`${n.number} ${n.heading}`.slice(0, 90))}`);
        console.log(
          `          ${' '.repeat(n.id.length)}  got  ${q ? JSON.stringify(`${q.number} ${q.heading}`.slice(0, 90)) : '(missing)'}`,
        );
      }
    }
    const goldIds = new Set(g.map((n) => n.id));
    for (const n of p)
      if (!goldIds.has(n.id))
        console.log(`  heading ${n.id}: extra ${JSON.stringify(`${n.number} ${n.heading}`.slice(0, 90))}`);
    for (const t of missed) console.log(`  missed   [${t.section}] ${t.text.slice(0, 100)}`);
    for (const t of spurious) console.log(`  spurious [${t.section}] ${t.text.slice(0, 100)}`);
    for (const w of wrong) {
      console.log(`  task     [${w.gt.section}] ${w.gt.text.slice(0, 70)}`);
      if (!w.okLead)
        console.log(`           lead: gold ${JSON.stringify(w.gt.lead)} got ${JSON.stringify(w.pt.lead)}`);
      if (!w.okCoord)
        console.log(
          `           coordinators: gold ${JSON.stringify(w.gt.coordinators)} got ${JSON.stringify(w.pt.coordinators)}`,
        );
      if (!w.okDeadline)
        console.log(
          `           deadline: gold ${JSON.stringify(w.gt.deadline)} got ${JSON.stringify(w.pt.deadline)}`,
        );
    }
    const missingRefs = [...goldKeys].filter((k) => !predKeys.has(k));
    const extraRefs = [...predKeys].filter((k) => !goldKeys.has(k));
    if (missingRefs.length) console.log(`  references missed: ${missingRefs.join(' | ')}`);
    if (extraRefs.length) console.log(`  references extra:  ${extraRefs.join(' | ')}`);
    for (const [name, a, b] of fields)
      if (a !== b) console.log(`  header ${name}: gold ${JSON.stringify(a)} got ${JSON.stringify(b)}`);
    void planSectionIds;
  }
}

const tp = totals.pred ? totals.matched / totals.pred : 1;
const tr = totals.gold ? totals.matched / totals.gold : 1;
const tf = tp + tr ? (2 * tp * tr) / (tp + tr) : 0;
const overall = {
  documents: totals.docs,
  treeExact: totals.treeExact,
  headingNodes: totals.nodesOk / (totals.nodes || 1),
  taskPrecision: tp,
  taskRecall: tr,
  taskF1: tf,
  leadAccuracy: totals.lead / (totals.matched || 1),
  coordinatorAccuracy: totals.coord / (totals.matched || 1),
  deadlineAccuracy: totals.deadline / (totals.matched || 1),
  deadlineAccuracyWhereStated: totals.deadlineGoldOk / (totals.deadlineGold || 1),
  referenceRecall: totals.refFound / (totals.refGold || 1),
  referencePrecision: totals.refFound / (totals.refPred || 1),
  headerFields: totals.header / (totals.headerFields || 1),
};

if (args.has('--json')) {
  console.log(JSON.stringify({ documents: rows, overall }, null, 2));
} else {
  const head = [
    'document'.padEnd(46),
    'tree',
    ' nodes',
    ' tasks g/p/m',
    '   P  ',
    '   R  ',
    '  F1  ',
    ' lead ',
    ' coord',
    ' dline',
    'dl(st)',
    ' refs ',
    'header',
  ];
  console.log(head.join(' '));
  for (const r of rows) {
    console.log(
      [
        r.file.slice(0, 46).padEnd(46),
        r.treeExact ? ' yes' : '  no',
        `${pct(r.nodesOk, r.nodes)}%`,
        `${String(r.gold).padStart(4)}/${String(r.pred).padStart(3)}/${String(r.matched).padStart(3)}`,
        `${pct(r.matched, r.pred)}%`,
        `${pct(r.matched, r.gold)}%`,
        `${(100 * r.f1).toFixed(1).padStart(5)}%`,
        `${pct(r.lead, r.matched)}%`,
        `${pct(r.coord, r.matched)}%`,
        `${pct(r.deadline, r.matched)}%`,
        `${pct(r.deadlineGoldOk, r.deadlineGold)}%`,
        `${pct(r.refFound, r.refGold)}%`,
        `${r.headerOk}/${r.headerFields}`.padStart(6),
      ].join(' '),
    );
  }
  const f = (x) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `\noverall (${overall.documents} documents): heading trees exact ${overall.treeExact}/${overall.documents}, ` +
      `heading nodes ${f(overall.headingNodes)}; tasks P ${f(tp)} R ${f(tr)} F1 ${f(tf)} ` +
      `(gold ${totals.gold}, predicted ${totals.pred}, matched ${totals.matched}); over matched tasks: lead ${f(overall.leadAccuracy)}, ` +
      `coordinators ${f(overall.coordinatorAccuracy)}, deadline ${f(overall.deadlineAccuracy)}, ` +
      `deadline where stated ${f(overall.deadlineAccuracyWhereStated)} (${totals.deadlineGoldOk}/${totals.deadlineGold}); ` +
      `references recall ${f(overall.referenceRecall)} precision ${f(overall.referencePrecision)}; header fields ${f(overall.headerFields)}`,
  );
}
