import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNodeOcr, type Ocr } from '@sohoa/ocr/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from './parse.js';

// A ruled task table scanned at 300 dpi, and the same table as a born-digital PDF (fixtures/scripts/
// table-scan.mjs), through real OCR and pdf.js: the parser reads its rows from the word boxes, one task per
// row with its columns.
const file = fileURLToPath(new URL('../../../fixtures/scans/task-table-300.png', import.meta.url));

let ocr: Ocr;
beforeAll(() => {
  ocr = createNodeOcr({ workers: 1 });
});
afterAll(async () => {
  await ocr?.close();
});

const pdf = fileURLToPath(new URL('../../../fixtures/pdfs/task-table.pdf', import.meta.url));

describe.each([
  ['a scan, through OCR', 'task-table-300.png', file],
  ['a born-digital PDF, from its text positions', 'task-table.pdf', pdf],
])('a task table on %s', (_label, source, path) => {
  it('gives one task per row, columns mapped from the word boxes', async () => {
    const doc = await ocr.recognize({ source, bytes: readFileSync(path) });
    const plan = parse(doc);
    const tasks = plan.tasks.map((t) => ({
      text: t.text,
      lead: t.lead,
      coordinators: t.coordinators,
      deadline: t.deadline && { kind: t.deadline.kind, iso: t.deadline.iso },
    }));
    expect(tasks).toHaveLength(3);
    expect(tasks.map((t) => t.text)).toEqual([
      'Xây dựng quy định hỗ trợ mức đóng bảo hiểm y tế cho hộ cận nghèo trên địa bàn tỉnh',
      'Tổ chức tuyên truyền về bảo hiểm y tế hộ gia đình',
      'Rà soát danh sách người tham gia bảo hiểm y tế',
    ]);
    expect(tasks[0]!.lead).toBe('Sở Y tế');
    expect(tasks[0]!.coordinators).toEqual(['Sở Tài chính', 'Bảo hiểm xã hội tỉnh']);
    expect(tasks[0]!.deadline).toEqual({ kind: 'within', iso: '2026-Q3' });
    expect(tasks[1]!.lead).toBe('Bảo hiểm xã hội tỉnh');
    expect(tasks[1]!.coordinators).toEqual(['Ủy ban nhân dân các xã']);
    expect(tasks[1]!.deadline?.kind).toBe('relative');
    expect(tasks[2]!.lead).toBe('Ủy ban nhân dân các xã');
    expect(tasks[2]!.coordinators).toEqual([]);
    expect(tasks[2]!.deadline).toEqual({ kind: 'within', iso: '2026-06' });
  });
});
