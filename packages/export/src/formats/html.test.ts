import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import type { DigitisedDocument } from '../document.js';
import { FIXTURES, loadFixture } from '../test-support/fixtures.js';
import { allNodes, textOf } from '../test-support/trees.js';
import { sanitizeAndStringify, toHtml } from './html.js';

/* Every check reads the page as a browser would: parsed by hast-util-from-html (parse5). */

const parse = (html: string) => fromHtml(html);
const elements = (tree: unknown) =>
  allNodes<Root | Element>(tree).filter((n): n is Element => n.type === 'element');
const classes = (e: Element) => (e.properties.className as string[] | undefined) ?? [];
const byClass = (tree: unknown, name: string) => elements(tree).filter((e) => classes(e).includes(name));
const byTag = (tree: unknown, tag: string) => elements(tree).filter((e) => e.tagName === tag);

const words = (node: unknown) => textOf(node).replace(/\s+/gu, ' ');

/** What a reader of the marked text sees, deletions left out: the corrected text without form feeds. */
function visibleText(node: Element): string {
  return node.children
    .map((child) => {
      if (child.type === 'text') return child.value;
      if (child.type !== 'element' || child.tagName === 'del') return '';
      return visibleText(child);
    })
    .join('');
}

describe('toHtml', () => {
  it.each(FIXTURES)('%s: a Vietnamese page, the text marked, one table row per task', (name) => {
    const doc = loadFixture(name);
    const tree = parse(toHtml(doc));
    const html = byTag(tree, 'html')[0] as Element;
    expect(html.properties.lang).toBe('vi');
    expect(byTag(tree, 'meta').some((m) => m.properties.charSet === 'utf-8')).toBe(true);

    const [text] = byClass(tree, 'doc-text');
    if (!text) throw new Error('no marked text');
    expect(visibleText(text)).toBe(doc.text.replaceAll('\f', ''));
    expect(byClass(text, 'page-break')).toHaveLength(doc.ocr ? doc.ocr.pages.length - 1 : 0);

    // Every correction, in order, with its original, replacement, state and band.
    const marked = byClass(text, 'corr').map((e) => ({
      tag: e.tagName,
      original: e.properties.dataOriginal,
      replacement: e.properties.dataReplacement,
      band: classes(e).find((c) => c.startsWith('c-')),
      shown: textOf(e),
      title: String(e.properties.title),
    }));
    const corrections = [...doc.corrections].sort((a, b) => a.outputStart - b.outputStart);
    expect(marked.map(({ title: _t, ...m }) => m)).toEqual(
      corrections.map((c) => ({
        tag: c.applied ? 'ins' : 'mark',
        original: c.original,
        replacement: c.replacement,
        band: c.confidence >= 0.9 ? 'c-high' : c.confidence >= 0.6 ? 'c-mid' : 'c-low',
        shown: c.applied ? c.replacement : c.original,
      })),
    );
    marked.forEach((m, i) => {
      expect(m.title).toContain(`«${corrections[i]?.original}»`);
      for (const alt of corrections[i]?.alternatives ?? []) {
        if (alt.text !== corrections[i]?.replacement) expect(m.title).toContain(`«${alt.text}»`);
      }
    });

    // Every task marked in the text, its lead inside it.
    const tasks = byClass(text, 'k-task').filter((e) => e.properties.id);
    expect(tasks.map((e) => e.properties.id)).toEqual(doc.plan.tasks.map((_, i) => `sohoa-task-${i + 1}`));
    doc.plan.tasks.forEach((task, i) => {
      const span = tasks[i] as Element;
      // A lead named by the heading above the task is not inside it.
      if (task.lead && task.text.includes(task.lead))
        expect(byClass(span, 'k-lead').map(words)).toContain(task.lead);
      if (task.deadline && task.text.includes(task.deadline.raw)) {
        expect(byClass(span, 'k-deadline').map(words)).toContain(task.deadline.raw);
      }
    });
    expect(byClass(text, 'k-reference').length).toBeGreaterThan(0);
    expect(byClass(text, 'k-target').length).toBeGreaterThan(0);

    // The task table.
    const [table] = byTag(byClass(tree, 'tasks')[0], 'table');
    const head = byTag(byTag(table, 'thead')[0], 'th').map(textOf);
    expect(head).toEqual(['STT', 'Mục', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn']);
    const rows = byTag(byTag(table, 'tbody')[0], 'tr').map((tr) => byTag(tr, 'td').map(textOf));
    expect(rows).toHaveLength(doc.plan.tasks.length);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual(
      doc.plan.tasks.map((t) => [t.section, t.text, t.lead ?? '', t.coordinators.join('; ')]),
    );
    // Its links lead to the marked tasks.
    const links = byTag(table, 'a').map((a) => String(a.properties.href));
    expect(links).toEqual(doc.plan.tasks.map((_, i) => `#sohoa-task-${i + 1}`));

    // The messages at the side.
    const side = byTag(tree, 'aside')[0];
    const listed = byTag(side, 'li').filter((li) => li.properties.dataRule !== undefined);
    expect(listed.map((li) => li.properties.dataRule)).toEqual(doc.messages.map((m) => m.ruleId));
  });

  it.each(FIXTURES)('%s: each correction mark names its record, so a viewer can revert it', (name) => {
    const doc = loadFixture(name);
    const [text] = byClass(parse(toHtml(doc)), 'doc-text');
    const marks = byClass(text, 'corr');
    expect(marks.length).toBe(doc.corrections.length);
    for (const mark of marks) {
      const record = doc.corrections[Number(mark.properties.dataCorrection)];
      expect(record?.original).toBe(mark.properties.dataOriginal);
      expect(record?.replacement).toBe(mark.properties.dataReplacement);
    }
  });

  it('writes deadlines as a Vietnamese reader expects in the table', () => {
    const doc = loadFixture('party-text-layer');
    const tree = parse(toHtml(doc));
    const rows = byTag(byTag(byClass(tree, 'tasks')[0], 'tbody')[0], 'tr').map((tr) =>
      byTag(tr, 'td').map(textOf),
    );
    expect(rows.map((r) => r[5])).toEqual(['trong quý II/2024', 'trước ngày 30/6/2024', '']);
  });

  it('loads nothing: one inline style sheet, no script, no external reference', () => {
    const tree = parse(toHtml(loadFixture('sample-plan')));
    const styles = byTag(tree, 'style');
    expect(styles).toHaveLength(1);
    expect(textOf(styles[0])).not.toMatch(/url\(|@import|https?:/u);
    for (const tag of ['script', 'link', 'img', 'iframe', 'object', 'embed'])
      expect(byTag(tree, tag)).toEqual([]);
    for (const e of elements(tree)) {
      expect(e.properties.src).toBeUndefined();
      if (e.properties.href !== undefined) expect(String(e.properties.href)).toMatch(/^#/u);
    }
  });

  describe('security', () => {
    const SCRIPT = '<script>alert(1)</script>';
    const IMG = '<img src=x onerror=alert(1)>';
    const LINK = '<a href="javascript:alert(1)">bấm</a> javascript:alert(1)';
    const evil = `${SCRIPT} ${IMG} ${LINK}`;

    function evilDocument(): DigitisedDocument {
      const base = loadFixture('party-text-layer');
      const text = `KẾ HOẠCH\n${evil}\nSở Y tế ${SCRIPT} chủ trì, hoàn thành trước ngày 30/6/2024.\n\f\n${IMG}\n`;
      const start = text.indexOf('Sở Y tế');
      const task = `Sở Y tế ${SCRIPT} chủ trì, hoàn thành trước ngày 30/6/2024.`;
      const at = text.indexOf(IMG, text.indexOf('\f'));
      return {
        ...base,
        source: `${SCRIPT}.pdf`,
        text,
        originalText: text,
        corrections: [
          {
            start: at,
            end: at + IMG.length,
            line: 5,
            column: 1,
            outputStart: at,
            outputEnd: at + IMG.length,
            original: IMG,
            replacement: `"><script>alert(2)</script>`,
            confidence: 0.5,
            reason: 'junk',
            applied: false,
            alternatives: [{ text: LINK, confidence: 0.1 }],
            note: SCRIPT,
          },
        ],
        plan: {
          ...base.plan,
          title: SCRIPT,
          summary: IMG,
          number: base.plan.number ? { ...base.plan.number, raw: LINK } : null,
          tasks: [
            {
              text: task,
              lead: `Sở Y tế ${SCRIPT}`,
              coordinators: [IMG],
              deadline: { raw: 'trước ngày 30/6/2024', kind: 'by', iso: '2024-06-30', end: null },
              recurrence: null,
              section: base.plan.tasks[0]?.section ?? 'III.1',
              line: text.slice(0, start).split('\n').length,
            },
          ],
        },
        messages: [
          {
            source: 'sohoa-parse',
            ruleId: 'x" onmouseover="alert(1)',
            reason: evil,
            severity: 'error',
            line: 2,
          },
        ],
      };
    }

    function expectInert(tree: Root) {
      expect(byTag(tree, 'script')).toEqual([]);
      expect(byTag(tree, 'img')).toEqual([]);
      for (const e of elements(tree)) {
        for (const [key, value] of Object.entries(e.properties)) {
          expect(key.toLowerCase().startsWith('on'), `${e.tagName} ${key}`).toBe(false);
          if (key === 'href' || key === 'src' || key === 'action' || key === 'formAction') {
            expect(String(value).replace(/\s/gu, '').toLowerCase()).not.toContain('javascript:');
          }
        }
      }
    }

    it('document strings with script, event handlers and javascript: links stay text', () => {
      const doc = evilDocument();
      const tree = parse(toHtml(doc));
      expectInert(tree);
      // Still there, as text, where they belong.
      expect(textOf(byTag(tree, 'title')[0])).toBe(`${SCRIPT} ${LINK}`);
      expect(textOf(byTag(tree, 'h1')[0])).toBe(SCRIPT);
      const text = byClass(tree, 'doc-text')[0] as Element;
      expect(visibleText(text)).toBe(doc.text.replaceAll('\f', ''));
      const [mark] = byClass(text, 'corr');
      expect(mark?.properties.dataReplacement).toBe('"><script>alert(2)</script>');
      expect(String(mark?.properties.title)).toContain(LINK);
      const rows = byTag(byTag(tree, 'tbody')[0], 'tr').map((tr) => byTag(tr, 'td').map(textOf));
      expect(rows).toEqual([
        ['1', 'III.1', doc.plan.tasks[0]?.text, `Sở Y tế ${SCRIPT}`, IMG, 'trước ngày 30/6/2024'],
      ]);
      expect(textOf(byTag(tree, 'aside')[0])).toContain(evil);
    });

    it('the sanitizer removes what a bug in the page builder could let in', () => {
      const tree: Root = {
        type: 'root',
        children: [
          h(
            'div',
            { className: ['k-task', 'evil'], onClick: 'alert(1)', style: 'background:url(http://x)' },
            [
              h('script', 'alert(1)'),
              h('img', { src: 'http://tracker.example/x.png', onError: 'alert(1)' }),
              h('a', { href: 'javascript:alert(1)' }, 'bấm'),
              h('a', { href: 'https://example.org' }, 'ok'),
              h('iframe', { src: 'https://example.org' }),
              h('link', { rel: 'stylesheet', href: 'https://example.org/x.css' }),
              h('style', '@import url(https://example.org/x.css); body { background: url(http://x) }'),
            ],
          ),
        ],
      };
      const out = parse(sanitizeAndStringify(tree));
      expectInert(out);
      for (const tag of ['iframe', 'link', 'style']) expect(byTag(out, tag)).toEqual([]);
      const div = byTag(out, 'div')[0] as Element;
      expect(classes(div)).toEqual(['k-task']);
      expect(div.properties.style).toBeUndefined();
      expect(byTag(out, 'a').map((a) => a.properties.href)).toEqual([undefined, 'https://example.org']);
    });
  });
});
