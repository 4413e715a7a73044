import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from './plan.js';

// The build writes the JSON Schemas into dist/ (scripts/write-schemas.mjs); `npm test` builds first.
const shipped = (name: string) =>
  JSON.parse(readFileSync(new URL(`../dist/${name}`, import.meta.url), 'utf8'));

describe('shipped JSON Schemas', () => {
  it('plan.schema.json is the schema of the Plan model', () => {
    expect(shipped('plan.schema.json')).toEqual(planJsonSchema());
  });

  it('ocr-document.schema.json describes pages, blocks, lines and words', () => {
    const schema = shipped('ocr-document.schema.json');
    expect(schema.properties.pages.type).toBe('array');
    expect(JSON.stringify(schema)).toContain('"header-left"');
  });
});
