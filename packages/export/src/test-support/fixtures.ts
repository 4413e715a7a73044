import { readFileSync } from 'node:fs';
import type { DigitisedDocument } from '../document.js';

/** The documents made by the real pipeline (scripts/make-fixture.mjs). */
export const FIXTURES = ['sample-plan', 'party-text-layer', 'laocai-ubnd-134-text'] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function loadFixture(name: FixtureName): DigitisedDocument {
  const url = new URL(`../__fixtures__/${name}.digitised.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as DigitisedDocument;
}
