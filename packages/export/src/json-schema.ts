import { Correction, OcrPage, Plan } from '@sohoa/model';
import { z } from 'zod';
import type { DocumentMessage } from './document.js';

/*
 * The JSON export's schema: what `toJson` writes, for readers in any language. Built from the model's
 * schemas so it cannot drift from them; `documentJsonSchema()` is its JSON Schema, shipped as
 * `@sohoa/export/document.schema.json`.
 */

export const DocumentMessageSchema = z.object({
  source: z.enum(['sohoa-ocr', 'sohoa-correct', 'sohoa-parse', 'sohoa']),
  ruleId: z.string().min(1),
  reason: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  line: z.number().int().positive().optional(),
});

// The hand-written interface and the schema must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameMessage: Same<z.infer<typeof DocumentMessageSchema>, DocumentMessage> = true;
void sameMessage;

export const DocumentJson = z.object({
  type: z.literal('sohoa-document'),
  /** The input's name. */
  source: z.string(),
  /** The corrected text, which the plan was parsed from. */
  text: z.string(),
  /** The text before correction. */
  originalText: z.string(),
  /** Every correction, applied or suggested; offsets point into `originalText` and `text`. */
  corrections: z.array(Correction),
  plan: Plan,
  messages: z.array(DocumentMessageSchema),
  /** The OCR geometry (pages → blocks → lines → words with boxes); absent for text input. */
  pages: z.array(OcrPage).optional(),
});
export type DocumentJson = z.infer<typeof DocumentJson>;

/** The JSON Schema (draft 2020-12) of the JSON export. */
export function documentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DocumentJson, { target: 'draft-2020-12' }) as Record<string, unknown>;
  // zod names the recursive section node `__schemaN`, as in the model's planJsonSchema: name it.
  const defs = (schema.$defs ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
  let json = JSON.stringify({ title: 'sohoa digitised document', ...schema });
  for (const [name, def] of Object.entries(defs)) {
    if (name.startsWith('__schema') && def.properties && 'children' in def.properties) {
      json = json
        .replaceAll(`"${name}"`, '"PlanSection"')
        .replaceAll(`/$defs/${name}"`, '/$defs/PlanSection"');
    }
  }
  return JSON.parse(json) as Record<string, unknown>;
}
