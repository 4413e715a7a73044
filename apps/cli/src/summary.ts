import Table from 'cli-table3';

export interface FileSummary {
  file: string;
  status: 'done' | 'skipped' | 'failed';
  error?: string;
  pages?: number | undefined;
  /** Mean OCR confidence of the pages, 0–100. */
  confidence?: number;
  applied?: number;
  suggested?: number;
  tasks?: number;
}

/** Past this many inputs the table shows the failures and the totals only. */
const MAX_ROWS = 50;

/** The end-of-batch report: one row per input (or the failures), then the totals. */
export function summaryTable(files: FileSummary[], outDir: string): string {
  const table = new Table({
    head: ['input', 'pages', 'OCR conf.', 'corrections', 'tasks', 'status'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right', 'right', 'left'],
  });
  const shown = files.length <= MAX_ROWS ? files : files.filter((f) => f.status === 'failed');
  for (const f of shown) {
    table.push([
      f.file,
      f.pages ?? '',
      f.confidence !== undefined ? `${f.confidence.toFixed(1)} %` : '',
      f.applied !== undefined ? `${f.applied} + ${f.suggested ?? 0}?` : '',
      f.tasks ?? '',
      f.status === 'failed' ? `failed: ${f.error ?? ''}` : f.status,
    ]);
  }
  const count = (s: FileSummary['status']) => files.filter((f) => f.status === s).length;
  const sum = (key: 'pages' | 'applied' | 'suggested' | 'tasks') =>
    files.reduce((n, f) => n + (f[key] ?? 0), 0);
  table.push([
    `total: ${files.length} input${files.length === 1 ? '' : 's'}`,
    sum('pages'),
    '',
    `${sum('applied')} + ${sum('suggested')}?`,
    sum('tasks'),
    `${count('done')} done, ${count('skipped')} skipped, ${count('failed')} failed`,
  ]);
  return `${table.toString()}\ncorrections: applied + suggested for review. Outputs in ${outDir}\n`;
}
