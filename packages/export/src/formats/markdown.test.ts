import type { PlanSection } from '@sohoa/model';
import type { Heading, ListItem, Nodes, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { DigitisedDocument } from '../document.js';
import { FIXTURES, loadFixture } from '../test-support/fixtures.js';
import { allNodes, textOf } from '../test-support/trees.js';
import { toMarkdown } from './markdown.js';

/*
 * The Markdown is read back by mdast-util-from-markdown with the GFM syntax (micromark-extension-gfm)
 * and its tree builder (mdast-util-gfm): a parser that shares nothing with the serialiser.
 */
const read = (md: string) => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** The cells of the first table, as text, header row first. */
function tableRows(md: string): string[][] {
  const table = allNodes(read(md)).find((n): n is Table => n.type === 'table');
  if (!table) return [];
  return table.children.map((row) => row.children.map((cell) => textOf(cell)));
}

/** Headings the plan's section tree should give: depth 2 for top sections, one more per level. */
function sectionHeadings(sections: readonly PlanSection[], depth = 2): string[] {
  return sections.flatMap((s) => [
    `${Math.min(6, depth)} ${s.heading ? `${s.number} ${s.heading}` : s.number}`,
    ...sectionHeadings(s.children, depth + 1),
  ]);
}

const BULLET = /^[-+*•–—―]\s*(?=.*[\p{L}\p{N}])/u;

function bullets(sections: readonly PlanSection[]): string[] {
  return sections.flatMap((s) => [
    ...s.paragraphs.filter((p) => BULLET.test(p)).map((p) => p.replace(BULLET, '')),
    ...bullets(s.children),
  ]);
}

describe('toMarkdown', () => {
  it.each(FIXTURES)('%s: headings mirror the section tree', (name) => {
    const doc = loadFixture(name);
    const tree = read(toMarkdown(doc));
    const headings = allNodes<Nodes>(tree)
      .filter((n): n is Heading => n.type === 'heading')
      .map((h) => `${h.depth} ${textOf(h)}`);
    expect(headings[0]).toBe(`1 ${doc.plan.title}`);
    const derived = new Set(['2 Nhiệm vụ', '2 Chỉ tiêu', '2 Văn bản được dẫn', '2 Thông báo']);
    expect(headings.slice(1).filter((h) => !derived.has(h))).toEqual(sectionHeadings(doc.plan.sections));
    expect(headings).toContain('2 Nhiệm vụ');
  });

  it.each(FIXTURES)('%s: the task table has a header and one row per task', (name) => {
    const doc = loadFixture(name);
    const rows = tableRows(toMarkdown(doc));
    expect(rows[0]).toEqual(['Mục', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual(
      doc.plan.tasks.map((t) => [t.section, t.text, t.lead ?? '', t.coordinators.join('; ')]),
    );
  });

  it('bulleted paragraphs come back as list items', () => {
    const doc = loadFixture('laocai-ubnd-134-text');
    const tree = read(toMarkdown(doc));
    const items = allNodes<Nodes>(tree)
      .filter((n): n is ListItem => n.type === 'listItem')
      .map((li) => textOf(li.children[0]));
    const expected = bullets(doc.plan.sections);
    expect(expected.length).toBeGreaterThan(50);
    for (const text of expected) expect(items).toContain(text);
  });

  it('lists the messages of every stage', () => {
    const doc = loadFixture('sample-plan');
    const md = toMarkdown({
      ...doc,
      messages: [
        ...doc.messages,
        { source: 'sohoa-ocr', ruleId: 'low-confidence', reason: 'Trang 2 mờ', severity: 'warning' },
      ],
    });
    const text = textOf(read(md));
    expect(text).toContain('unplaced-text (phân tích, dòng 105): Closing text not recognised');
    expect(text).toContain('low-confidence (nhận dạng): Trang 2 mờ');
  });

  it('document text with HTML or links stays text', () => {
    const doc: DigitisedDocument = loadFixture('party-text-layer');
    const evil = '<script>alert(1)</script> [bấm](javascript:alert(1)) <img src=x onerror=alert(1)> | ô';
    const tasks = doc.plan.tasks.map((t, i) => (i === 0 ? { ...t, text: evil, lead: '<b>Sở</b>' } : t));
    const md = toMarkdown({ ...doc, plan: { ...doc.plan, tasks, title: '<script>x</script>' } });
    const tree = read(md);
    const types = new Set(allNodes<Nodes>(tree).map((n) => n.type));
    expect(types.has('html')).toBe(false);
    expect(types.has('link')).toBe(false);
    expect(types.has('image')).toBe(false);
    const rows = tableRows(md);
    expect(rows.length).toBe(tasks.length + 1);
  });
});
