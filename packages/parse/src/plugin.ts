import { type OcrDocument, type Plan, type PlanRoot, planToTree, treeToPlan } from '@sohoa/model';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { type ParseOptions, parse } from './parse.js';

/*
 * unified plugins. `sohoaParse` is a parser: `unified().use(sohoaParse).parse(file)` reads the file's text
 * (or an OCR document passed as `file.data.ocr`), stores the plan on `file.data.plan`, reports the parser's
 * diagnostics as vfile messages, and returns the plan tree of `@sohoa/model` (see its docs/plan-tree.md),
 * so transformer plugins can edit it. `sohoaPlan` is the matching compiler: it turns the (possibly edited)
 * tree back into a plan, the `file.result` of `process()`.
 */

declare module 'vfile' {
  interface DataMap {
    /** The plan parsed from the file by `sohoaParse`. */
    plan: Plan;
    /** An OCR document to parse instead of the file's text (layout helps with two-column zones). */
    ocr: OcrDocument;
  }
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
  this.compiler = (tree, file) => {
    const plan = treeToPlan(tree as PlanRoot);
    file.data.plan = plan;
    return plan as never;
  };
}
