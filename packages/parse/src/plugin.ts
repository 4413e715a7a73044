import type { OcrDocument, Plan } from '@sohoa/model';
import type { Processor } from 'unified';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { type ParseOptions, parse } from './parse.js';

/*
 * unified plugins. `sohoaParse` is a parser: `unified().use(sohoaParse).parse(file)` reads the file's text
 * (or an OCR document passed as `file.data.ocr`), stores the plan on `file.data.plan`, reports the parser's
 * diagnostics as vfile messages, and returns a small unist tree of the heading structure (`plan` root,
 * `section` nodes with `paragraph` children). `sohoaPlan` is the matching compiler: `process()` then yields
 * the plan as `file.result`.
 */

declare module 'vfile' {
  interface DataMap {
    /** The plan parsed from the file by `sohoaParse`. */
    plan: Plan;
    /** An OCR document to parse instead of the file's text (layout helps with two-column zones). */
    ocr: OcrDocument;
  }
}

export interface PlanSectionNode extends Parent {
  type: 'section';
  data: { id: string; number: string; kind: string; heading: string };
  children: (PlanSectionNode | PlanParagraphNode)[];
}
export interface PlanParagraphNode extends Node {
  type: 'paragraph';
  value: string;
}
export interface PlanRoot extends Parent {
  type: 'plan';
  data: { plan: Plan };
  children: PlanSectionNode[];
}

/** The heading tree of a plan as unist nodes, with line positions when known. */
export function planToTree(plan: Plan): PlanRoot {
  const convert = (section: Plan['sections'][number]): PlanSectionNode => ({
    type: 'section',
    data: { id: section.id, number: section.number, kind: section.kind, heading: section.heading },
    children: [
      ...section.paragraphs.map((value): PlanParagraphNode => ({ type: 'paragraph', value })),
      ...section.children.map(convert),
    ],
    ...(section.line
      ? { position: { start: { line: section.line, column: 1 }, end: { line: section.line, column: 1 } } }
      : {}),
  });
  return { type: 'plan', data: { plan }, children: plan.sections.map(convert) };
}

/** unified parser plugin: text (or `file.data.ocr`) → plan tree; the plan on `file.data.plan`. */
export function sohoaParse(this: Processor, options: ParseOptions = {}): void {
  this.parser = (document: string, file: VFile) => {
    const source = options.source ?? file.path ?? '';
    const plan = parse(file.data.ocr ?? document, { ...options, source });
    file.data.plan = plan;
    for (const m of plan.messages) {
      const message = file.message(m.reason, {
        ruleId: m.ruleId,
        source: 'sohoa-parse',
        ...(m.line ? { place: { line: m.line, column: 1 } } : {}),
      });
      if (m.text !== undefined) message.actual = m.text;
    }
    return planToTree(plan);
  };
}

/** unified compiler plugin: the plan becomes `file.result` (`processor.process(text)` → `file.result`). */
export function sohoaPlan(this: Processor): void {
  this.compiler = (tree) => (tree as PlanRoot).data.plan as never;
}
