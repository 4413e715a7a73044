import type { PlanSection } from '@sohoa/model';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FIXTURES, loadFixture } from '../test-support/fixtures.js';
import { findAll, parseXml, type XmlElement, xmlText } from '../test-support/xml.js';
import { toDocx } from './docx.js';

/* The .docx is unzipped by jszip and its XML read by a strict reader (test-support/xml.ts). */
async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => parseXml((await zip.file(path)?.async('string')) ?? '');
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), zip };
}

const style = (p: XmlElement) => findAll(p, 'w:pStyle')[0]?.attributes['w:val'];
const text = (node: XmlElement) => xmlText(node, 'w:t');
const BULLET = /^[-+*•–—―]\s*(?![-+*•–—―\s])(?=.*[\p{L}\p{N}])/u;

function expectedHeadings(sections: readonly PlanSection[], level = 1): string[] {
  return sections.flatMap((s) => [
    `Heading${Math.min(level, 6)} ${s.heading ? `${s.number} ${s.heading}` : s.number}`,
    ...expectedHeadings(s.children, level + 1),
  ]);
}

function bullets(sections: readonly PlanSection[]): string[] {
  return sections.flatMap((s) => [
    ...s.paragraphs.filter((p) => BULLET.test(p)).map((p) => p.replace(BULLET, '')),
    ...bullets(s.children),
  ]);
}

describe('toDocx', () => {
  it.each(FIXTURES)('%s: heading styles mirror the section tree; one table row per task', async (name) => {
    const doc = loadFixture(name);
    const { document, styles } = await open(await toDocx(doc));
    const body = findAll(document, 'w:body')[0] as XmlElement;
    // Paragraphs of the body itself, not those inside table cells.
    const paragraphs = body.children.filter(
      (c): c is XmlElement => typeof c !== 'string' && c.name === 'w:p',
    );
    const headings = paragraphs
      .filter((p) => /^Heading\d$/u.test(style(p) ?? ''))
      .map((p) => `${style(p)} ${text(p)}`);
    expect(headings).toEqual([...expectedHeadings(doc.plan.sections), 'Heading1 Nhiệm vụ']);
    expect(paragraphs.filter((p) => style(p) === 'Title').map(text)).toEqual([doc.plan.title]);

    // Real styles, defined in styles.xml.
    const defined = new Set(findAll(styles, 'w:style').map((s) => s.attributes['w:styleId']));
    for (const h of new Set(headings.map((h) => h.split(' ')[0]))) expect(defined).toContain(h);

    const tables = findAll(body, 'w:tbl');
    expect(tables).toHaveLength(1);
    const rows = findAll(tables[0] as XmlElement, 'w:tr').map((tr) => findAll(tr, 'w:tc').map(text));
    expect(rows[0]).toEqual(['STT', 'Mục', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual(
      doc.plan.tasks.map((t) => [t.section, t.text, t.lead ?? '', t.coordinators.join('; ')]),
    );
    // The header row repeats on each page.
    expect(findAll(findAll(tables[0] as XmlElement, 'w:tr')[0] as XmlElement, 'w:tblHeader')).toHaveLength(1);
  });

  it('bulleted paragraphs are list paragraphs, nested by marker', async () => {
    const doc = loadFixture('laocai-ubnd-134-text');
    const { document } = await open(await toDocx(doc));
    const listed = findAll(document, 'w:p').filter((p) => findAll(p, 'w:numPr').length > 0);
    const recipients = doc.plan.recipients.length;
    const expected = bullets(doc.plan.sections);
    expect(listed.map(text).slice(0, expected.length)).toEqual(expected);
    expect(listed).toHaveLength(expected.length + recipients);
    const levels = new Set(listed.map((p) => findAll(p, 'w:ilvl')[0]?.attributes['w:val']));
    expect(levels.has('0')).toBe(true);
  });

  it('nests a second marker one level deeper', async () => {
    const base = loadFixture('party-text-layer');
    const [first, ...rest] = base.plan.sections;
    if (!first) throw new Error('no section');
    const paragraphs = ['Mở đầu.', '- Một.', '+ Một a.', '+ Một b.', '- Hai.', 'Kết.'];
    const doc = { ...base, plan: { ...base.plan, sections: [{ ...first, paragraphs }, ...rest] } };
    const { document } = await open(await toDocx(doc));
    const ps = findAll(document, 'w:p');
    const at = ps.findIndex((p) => text(p) === 'Mở đầu.');
    expect(
      ps.slice(at, at + 6).map((p) => [text(p), findAll(p, 'w:ilvl')[0]?.attributes['w:val'] ?? null]),
    ).toEqual([
      ['Mở đầu.', null],
      ['Một.', '0'],
      ['Một a.', '1'],
      ['Một b.', '1'],
      ['Hai.', '0'],
      ['Kết.', null],
    ]);
  });

  it('keeps markup-like text as text', async () => {
    const base = loadFixture('party-text-layer');
    const evil = '<w:p><w:r><w:t>x</w:t></w:r></w:p> & "quotes" <script>';
    const tasks = base.plan.tasks.map((t, i) => (i === 0 ? { ...t, text: evil } : t));
    const { document } = await open(await toDocx({ ...base, plan: { ...base.plan, tasks, title: evil } }));
    const row = findAll(findAll(document, 'w:tbl')[0] as XmlElement, 'w:tr')[1] as XmlElement;
    expect(text(findAll(row, 'w:tc')[2] as XmlElement)).toBe(evil);
  });
});
