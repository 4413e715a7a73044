import { readFileSync } from 'node:fs';
import type { DigitisedDocument } from '@sohoa/export';
import { parse } from '@sohoa/parse';
import { describe, expect, it } from 'vitest';
import { DigitiseError } from './errors.js';
import { editTask, reviseDocument } from './revise.js';

// Documents the real pipeline made (OCR of the sample scan, a typed State plan): see @sohoa/export's fixtures.
const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../export/src/__fixtures__/${name}.digitised.json`, import.meta.url), 'utf8'),
  ) as DigitisedDocument;

describe('reviseDocument', () => {
  const doc = load('sample-plan');
  const index = doc.corrections.findIndex((c) => c.applied && c.replacement.length > 0);

  it('puts the original back, re-reads the plan from the new text, and leaves the input alone', () => {
    const before = JSON.stringify(doc);
    const c = doc.corrections[index]!;
    const next = reviseDocument(doc, index, { kind: 'revert' });
    expect(JSON.stringify(doc)).toBe(before);
    expect(next.text.slice(c.outputStart, c.outputStart + c.original.length)).toBe(c.original);
    expect(next.corrections[index]?.applied).toBe(false);
    expect(next.plan).toEqual(parse(next.text, { source: doc.source }));
    expect(next.messages.length).toBeGreaterThan(0);
  });

  it('accepting what was reverted gives the document back', () => {
    const back = reviseDocument(reviseDocument(doc, index, { kind: 'revert' }), index, { kind: 'accept' });
    expect(back.text).toBe(doc.text);
    expect(back.corrections).toEqual(doc.corrections);
  });
});

describe('editTask', () => {
  const doc = load('laocai-ubnd-134-text');

  it('changes only the task edited, reading a typed deadline as the parser does', () => {
    const next = editTask(doc, 0, { lead: 'Sở Tài chính', deadline: 'trước ngày 15/3/2027' });
    expect(next.plan.tasks[0]?.lead).toBe('Sở Tài chính');
    expect(next.plan.tasks[0]?.deadline).toMatchObject({ kind: 'by', iso: '2027-03-15' });
    expect(next.plan.tasks.slice(1)).toEqual(doc.plan.tasks.slice(1));
    expect(next.text).toBe(doc.text);
    expect(doc.plan.tasks[0]?.lead).not.toBe('Sở Tài chính');
  });

  it('keeps a deadline it cannot date as typed, and clears one left empty', () => {
    expect(editTask(doc, 0, { deadline: 'khi có chỉ đạo' }).plan.tasks[0]?.deadline).toEqual({
      raw: 'khi có chỉ đạo',
      kind: 'relative',
      iso: null,
      end: null,
    });
    expect(editTask(doc, 0, { deadline: '' }).plan.tasks[0]?.deadline).toBeNull();
  });

  it('refuses a task that is not there', () => {
    expect(() => editTask(doc, doc.plan.tasks.length, { lead: 'x' })).toThrow(DigitiseError);
  });
});
