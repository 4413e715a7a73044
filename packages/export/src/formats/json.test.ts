import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from '../json-schema.js';
import { FIXTURES, loadFixture } from '../test-support/fixtures.js';
import { toJson } from './json.js';

/*
 * The output is checked against the shipped JSON Schema by an independent validator (ajv, draft
 * 2020-12), not by the zod objects `toJson` used.
 */
const schema = documentJsonSchema();
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const validator = {
  safeParse(value: unknown) {
    const success = validate(value);
    return { success, error: success ? undefined : { issues: validate.errors ?? [] } };
  },
};

describe('toJson', () => {
  it.each(FIXTURES)('%s: valid against the JSON Schema, and carries the whole document', (name) => {
    const doc = loadFixture(name);
    const out = JSON.parse(toJson(doc));
    const result = validator.safeParse(out);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(out.type).toBe('sohoa-document');
    expect(out.text).toBe(doc.text);
    expect(out.originalText).toBe(doc.originalText);
    expect(out.corrections).toEqual(doc.corrections);
    expect(out.plan).toEqual(doc.plan);
    expect(out.messages).toEqual(doc.messages);
    if (doc.ocr) expect(out.pages).toEqual(doc.ocr.pages);
    else expect(out).not.toHaveProperty('pages');
  });

  it('the JSON Schema rejects what is off-model', () => {
    const out = JSON.parse(toJson(loadFixture('sample-plan')));
    expect(validator.safeParse({ ...out, type: 'plan' }).success).toBe(false);
    expect(validator.safeParse({ ...out, corrections: [{ start: -1 }] }).success).toBe(false);
    const { plan: _plan, ...noPlan } = out;
    expect(validator.safeParse(noPlan).success).toBe(false);
    // Deep inside the recursive section tree, through its $ref.
    const [first, ...rest] = out.plan.sections;
    const child = { ...first.children[0], kind: 'bogus' };
    const sections = [{ ...first, children: [child, ...first.children.slice(1)] }, ...rest];
    expect(validator.safeParse({ ...out, plan: { ...out.plan, sections } }).success).toBe(false);
    const page = out.pages[0];
    expect(validator.safeParse({ ...out, pages: [{ ...page, number: 'one' }] }).success).toBe(false);
  });

  it('names the recursive section node and is draft 2020-12', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs as object)).toContain('PlanSection');
    expect(JSON.stringify(schema)).not.toContain('__schema');
  });

  it('refuses a document whose plan is off-model', () => {
    const doc = loadFixture('sample-plan');
    expect(() => toJson({ ...doc, plan: { ...doc.plan, tasks: [{ text: '' }] } as never })).toThrow();
  });

  it('indents as asked', () => {
    const doc = loadFixture('party-text-layer');
    expect(toJson(doc, { indent: 0 }).trim().split('\n')).toHaveLength(1);
  });
});
