#!/usr/bin/env node
// parse benchmark: the time `parse(text)` takes on each dev plan (fixtures/texts/plans/*.txt), on a
// 10-page plan built from them (≈ 30 000 characters: one plan's header and closing around the bodies of
// the others), and on the same 10-page text laid out as a decision with its attached plan and a task
// table flattened one cell per line. Each figure is the median of many runs after a warm-up.
// Goal (issue): parsing stays under 50 ms for a 10-page plan.
//   npm run bench -w @sohoa/parse     (or npm run bench at the root: every package's bench)
//   RUNS=200 node packages/parse/bench/parse-bench.mjs   (more runs per document)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const GOAL_MS = 50;
const PAGE_CHARS = 3000; // characters of a printed A4 page of plan text
const TEN_PAGES = 10 * PAGE_CHARS;
const RUNS = Number(process.env.RUNS ?? 50);
const WARM_UP = 10;

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(dist)) {
  console.error(
    'parse-bench: packages/parse/dist/index.js is missing: build first (npx tsup in packages/parse)',
  );
  process.exit(1);
}
const { parse } = await import(pathToFileURL(dist).href);

const plansDir = fileURLToPath(new URL('../../../fixtures/texts/plans/', import.meta.url));
const plans = readdirSync(plansDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({
    name: file.replace(/\.txt$/, ''),
    text: readFileSync(path.join(plansDir, file), 'utf8'),
  }));

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Pages: form feeds + 1 when the text has any, else characters / 3000 (an estimate). */
function pages(text) {
  const feeds = text.split('\f').length - 1;
  return feeds > 0
    ? { n: feeds + 1, basis: 'form feeds' }
    : { n: text.length / PAGE_CHARS, basis: 'estimate' };
}

/** Warm up, then time RUNS parses; the median, the fastest and the 90th percentile, in ms. */
function measure(text) {
  let plan;
  for (let i = 0; i < WARM_UP; i++) plan = parse(text);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    plan = parse(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: median(times),
    min: times[0],
    p90: times[Math.min(times.length - 1, Math.floor(times.length * 0.9))],
    tasks: plan.tasks.length,
  };
}

// --- the 10-page plan ------------------------------------------------------------------------------
const lines = (text) => text.replace(/\r\n?/g, '\n').split('\n');
const closingAt = (ls) => ls.findIndex((l) => /^\s*Nơi nhận/.test(l));
const bodyStart = (ls) => ls.findIndex((l) => /^(I|1)[.-] /.test(l));
// Plain text only (no column-aligned layout lines, which would switch the parser to layout mode).
const plain = plans.filter(
  (p) =>
    closingAt(lines(p.text)) > 0 &&
    bodyStart(lines(p.text)) >= 0 &&
    !lines(p.text).some((l) => /\S {6,}\S/.test(l)),
);
plain.sort((a, b) => b.text.length - a.text.length);
// The base: the longest plain plan that fits in 10 pages; the others give their bodies (from the first
// heading to the closing), line by line until the text reaches 10 pages; then the base's closing.
const base = plain.find((p) => p.text.length <= TEN_PAGES) ?? plain[plain.length - 1];
const baseLines = lines(base.text);
const head = baseLines.slice(0, closingAt(baseLines));
const closing = baseLines.slice(closingAt(baseLines));
const closingChars = closing.join('\n').length + 1;
const tenLines = [...head];
let chars = tenLines.join('\n').length + 1;
const donors = [];
for (let i = 0; chars + closingChars < TEN_PAGES; i++) {
  const donor = plain.filter((p) => p !== base)[i % (plain.length - 1)] ?? base;
  const ls = lines(donor.text);
  donors.push(donor.name.slice(0, 5));
  for (const l of ls.slice(bodyStart(ls), closingAt(ls))) {
    if (chars + closingChars >= TEN_PAGES) break;
    tenLines.push(l);
    chars += l.length + 1;
  }
}
const tenPage = [...tenLines, ...closing].join('\n');

// --- the same text as a decision with the attached plan and a flattened task table ---------------
const DECISION = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH LÀO CAI',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 120/QĐ-UBND',
  'Lào Cai, ngày 10 tháng 3 năm 2026',
  'QUYẾT ĐỊNH',
  'Ban hành Kế hoạch triển khai thực hiện',
  'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
  'Theo đề nghị của Giám đốc Sở Nội vụ.',
  'QUYẾT ĐỊNH:',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện.',
  'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.',
  'Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ngành chịu trách nhiệm thi hành Quyết định này./.',
  'Nơi nhận:',
  '- Như Điều 3;',
  '- Lưu: VT.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Nguyễn Văn An',
  '',
  'Ký bởi: ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
  'Thời gian ký: 12.03.2026 08:15:34 +07:00',
  '',
];
const LEADS = [
  'Sở Y tế',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Bảo hiểm xã hội',
  'tỉnh',
  'Sở Giáo dục',
  'và Đào tạo',
];
const DEADLINES = ['Quý III/2026', 'Thường xuyên', 'Tháng 12/2026', 'Năm 2027'];
const table = ['PHỤ LỤC', 'DANH MỤC NHIỆM VỤ', 'STT', 'Tên nhiệm vụ', 'Cơ quan', 'chủ trì', 'Cơ quan'];
table.push('phối hợp', 'Sản phẩm', 'Thời gian', 'hoàn thành');
const TABLE_ROWS = 30;
for (let i = 0; i < TABLE_ROWS; i++) {
  if (i % 10 === 0) table.push(`${['I', 'II', 'III'][i / 10]}. Nhóm nhiệm vụ ${i / 10 + 1}`);
  table.push(`${i + 1}.`, `Xây dựng và triển khai nội dung nhiệm vụ số ${i + 1} của Kế hoạch,`);
  table.push('bảo đảm đúng tiến độ và chất lượng.', LEADS[i % 4], 'Các sở, ngành,', 'địa phương liên quan');
  table.push('Báo cáo kết quả', 'thực hiện', DEADLINES[i % DEADLINES.length]);
}
const decision = [...DECISION, tenPage, '', ...table].join('\n');

// --- run -------------------------------------------------------------------------------------------
console.log(
  `parse benchmark: median of ${RUNS} runs after ${WARM_UP} warm-up runs, Node ${process.version}, load ${fmt(loadavg()[0], 2)}`,
);
const rows = [];
const row = (label, text) => {
  const r = { label, chars: text.length, pages: pages(text), ...measure(text) };
  rows.push(r);
  return r;
};
for (const p of plans) row(p.name.slice(0, 40), p.text);
const ten = row('10-page plan', tenPage);
const dec = row('10-page plan as decision + plan + table', decision);

console.log('');
console.log(`${'document'.padEnd(40)}  chars  pages          tasks  median ms  min ms  p90 ms`);
for (const r of rows) {
  console.log(
    [
      r.label.padEnd(40),
      String(r.chars).padStart(6),
      `${fmt(r.pages.n)} (${r.pages.basis === 'estimate' ? 'est.' : 'ff'})`.padEnd(11),
      String(r.tasks).padStart(8),
      fmt(r.median, 2).padStart(10),
      fmt(r.min, 2).padStart(7),
      fmt(r.p90, 2).padStart(7),
    ].join(' '),
  );
}
console.log('');
console.log('pages: form feeds + 1 (ff) when the text has any, else characters / 3000 (est.)');
console.log(
  `10-page plan: ${base.name.slice(0, 5)} header and closing, bodies of ${donors.join(', ')}; ` +
    `decision layout: decision header + that text + a ${TABLE_ROWS}-row flattened task table`,
);
console.log(`10-page plan: ${fmt(ten.median, 2)} ms (goal < ${GOAL_MS} ms)`);
console.log(
  `10-page plan as decision + attached plan + table: ${fmt(dec.median, 2)} ms (goal < ${GOAL_MS} ms)`,
);
const worst = Math.max(ten.median, dec.median);
console.log(
  worst < GOAL_MS
    ? `verdict: PASS — a 10-page plan parses in ${fmt(worst, 2)} ms at worst (median), ${fmt(GOAL_MS / worst, 1)}× under the ${GOAL_MS} ms goal`
    : `verdict: FAIL — a 10-page plan takes ${fmt(worst, 2)} ms (median), over the ${GOAL_MS} ms goal`,
);
