import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch, Plan, type PlanSection, referenceKey, sectionKey } from './plan.js';

// The gold annotations in fixtures/gold/ must always fit the plan model, and quote their source faithfully.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const goldDir = `${root}fixtures/gold/`;
const files = readdirSync(goldDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

function walk(
  nodes: readonly PlanSection[],
  visit: (node: PlanSection, parent: string) => void,
  parent = '',
) {
  for (const node of nodes) {
    visit(node, parent);
    walk(node.children, visit, node.id);
  }
}

describe('gold annotations', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(files)('%s', (file) => {
    const json: unknown = JSON.parse(readFileSync(`${goldDir}${file}`, 'utf8'));

    it('is a valid Plan, with no keys the model does not know', () => {
      const result = Plan.safeParse(json);
      if (!result.success) throw new Error(JSON.stringify(result.error.issues.slice(0, 5), null, 2));
      // zod strips unknown keys: equality proves there were none.
      expect(result.data).toEqual(json);
    });

    const plan = json as Plan;
    const sourcePath = `${root}${plan.source}`;

    it('names a source text that exists in fixtures/texts/plans', () => {
      expect(plan.source).toMatch(/^fixtures\/texts\/plans\/[^/]+\.txt$/);
      expect(existsSync(sourcePath)).toBe(true);
    });

    const lines = existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8').split('\n') : [];
    const source = ` ${normalizeForMatch(lines.join('\n'))} `;
    const quoted = (text: string) => source.includes(` ${normalizeForMatch(text)} `);
    const line = (n: number) => normalizeForMatch(lines[n - 1] ?? '');

    it('numbers sections as documented: parent id, a dot, the key of the printed number', () => {
      walk(plan.sections, (node, parent) => {
        const key = sectionKey(node.number, node.kind);
        expect(node.id.replace(/~\d+$/, ''), node.id).toBe(parent ? `${parent}.${key}` : key);
      });
      for (const appendix of plan.appendices) {
        walk(appendix.sections, (node, parent) => {
          expect(node.id.replace(/~\d+$/, '')).toBe(
            `${parent || appendix.id}.${sectionKey(node.number, node.kind)}`,
          );
        });
      }
    });

    it('quotes the source: headings, paragraphs, tasks, references, targets', () => {
      const texts: [string, string][] = [];
      const add = (what: string, text: string | null | undefined) => {
        if (text) texts.push([what, text]);
      };
      add('summary', plan.summary);
      add('title', plan.title);
      add('place', plan.place);
      add('date', plan.date?.raw);
      add('number', plan.number?.raw);
      for (const text of [...plan.issuer.chain, ...plan.preamble, ...plan.closing])
        add('header/preamble', text);
      const visit = (node: PlanSection) => {
        add(`heading ${node.id}`, `${node.number} ${node.heading}`);
        for (const text of node.paragraphs) add(`paragraph ${node.id}`, text);
      };
      walk(plan.sections, visit);
      for (const appendix of plan.appendices) {
        add('appendix', appendix.title);
        add('appendix', appendix.note);
        for (const text of appendix.paragraphs) add('appendix', text);
        walk(appendix.sections, visit);
      }
      for (const task of plan.tasks) {
        add('task', task.text);
        add('lead', task.lead);
        for (const c of task.coordinators) add('coordinator', c);
        add('deadline', task.deadline?.raw);
        add('recurrence', task.recurrence?.raw);
      }
      for (const ref of plan.references) {
        add('reference', ref.text);
        add('reference number', ref.number?.raw);
        add('reference date', ref.date?.raw);
        add('reference issuer', ref.issuer);
        add('reference name', ref.name);
      }
      for (const target of plan.targets) add('target', target.text);
      for (const r of plan.recipients) {
        add('recipient', r.name);
        add('marker', r.marker);
      }
      for (const text of plan.signature?.lines ?? []) add('signature', text);
      for (const note of plan.footnotes) add('footnote', note.text);
      const missing = texts.filter(([, text]) => !quoted(text));
      expect(missing).toEqual([]);
    });

    it('gives line numbers where the items start', () => {
      const wrong: string[] = [];
      const visit = (node: PlanSection) => {
        if (node.line === undefined) return;
        const printed = normalizeForMatch(`${node.number} ${node.heading}`);
        if (!printed.startsWith(line(node.line))) wrong.push(`section ${node.id} @${node.line}`);
      };
      walk(plan.sections, visit);
      for (const appendix of plan.appendices) walk(appendix.sections, visit);
      for (const task of plan.tasks) {
        const start = normalizeForMatch(task.text).slice(0, 20);
        if (task.line !== undefined && !line(task.line).includes(start)) wrong.push(`task @${task.line}`);
      }
      for (const item of [...plan.references, ...plan.targets]) {
        const start = normalizeForMatch(item.text).split(' ')[0] ?? '';
        if (item.line !== undefined && !line(item.line).includes(start))
          wrong.push(`${item.text} @${item.line}`);
      }
      expect(wrong).toEqual([]);
    });

    it('identifies tasks by section and text, and references by number or name', () => {
      const taskKeys = plan.tasks.map((t) => `${t.section} ${normalizeForMatch(t.text)}`);
      expect(new Set(taskKeys).size).toBe(taskKeys.length);
      const refKeys = plan.references.map(referenceKey);
      expect(new Set(refKeys).size).toBe(refKeys.length);
    });
  });
});
