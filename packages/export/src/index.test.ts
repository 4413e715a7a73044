import { parse } from 'csv-parse/sync';
import { fromHtml } from 'hast-util-from-html';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { exportFormats, formats, isExportFormat, render } from './index.js';
import { loadFixture } from './test-support/fixtures.js';

describe('render', () => {
  const doc = loadFixture('party-text-layer');

  // The formats made from the text and plan alone (pdf also needs the original scan).
  const DOCUMENT_FORMATS = ['json', 'md', 'html', 'csv', 'ics', 'docx', 'txt'] as const;

  it('renders every text-and-plan format of the table, bytes for binary ones', async () => {
    for (const name of DOCUMENT_FORMATS) {
      const out = await render(doc, name);
      const info = formats[name];
      expect(out instanceof Uint8Array, name).toBe(info.binary);
      if (!info.binary) expect(typeof out, name).toBe('string');
    }
  });

  it('each output is what its format says (read back by a parser)', async () => {
    expect(JSON.parse(await render(doc, 'json')).type).toBe('sohoa-document');
    expect(fromHtml(await render(doc, 'html')).children.some((n) => n.type === 'element')).toBe(true);
    expect(parse(await render(doc, 'csv'), { bom: true, columns: true })).toHaveLength(doc.plan.tasks.length);
    expect(new ICAL.Component(ICAL.parse(await render(doc, 'ics'))).name).toBe('vcalendar');
    const zip = await JSZip.loadAsync(await render(doc, 'docx'));
    expect(zip.file('word/document.xml')).not.toBeNull();
    expect(await render(doc, 'txt')).toBe(`${doc.text}\n`);
  });

  it('passes options through and types results per format', async () => {
    const keys = await render(doc, 'csv', { header: 'keys' });
    expect(keys.replace(/^\uFEFF/u, '').startsWith('id,section,task')).toBe(true);
    expectTypeOf(render(doc, 'docx')).resolves.toEqualTypeOf<Uint8Array>();
    expectTypeOf(render(doc, 'md')).resolves.toEqualTypeOf<string>();
  });

  it('has a table entry per format with extension and MIME type', () => {
    expect(exportFormats).toEqual(
      expect.arrayContaining(['json', 'md', 'html', 'csv', 'ics', 'docx', 'txt']),
    );
    expect(formats.docx.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(formats.ics).toMatchObject({ extension: 'ics', mediaType: 'text/calendar', binary: false });
    expect(isExportFormat('toString')).toBe(false);
    expect(isExportFormat('md')).toBe(true);
    return expect(render(doc, 'rtf' as never)).rejects.toThrow(/unknown export format/u);
  });
});
