import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DigitisedDocument } from '@sohoa/export';
import { describe, expect, it } from 'vitest';
import { collectMessages } from './messages.js';

const fixture = (name: string): DigitisedDocument =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../export/src/__fixtures__/${name}.digitised.json`, import.meta.url)),
      'utf8',
    ),
  );

describe('collectMessages', () => {
  it('flags pages read with low confidence, sums up the corrections, and keeps every parser message', () => {
    const doc = fixture('sample-plan');
    const ocr = structuredClone(doc.ocr!);
    ocr.pages[1]!.confidence = 41.6;
    const messages = collectMessages(ocr, doc.corrections, doc.plan);
    expect(messages.filter((m) => m.ruleId === 'low-confidence')).toEqual([
      expect.objectContaining({
        source: 'sohoa-ocr',
        severity: 'warning',
        reason: expect.stringMatching(/^page 2 .*\(42 %\)/),
      }),
    ]);
    const applied = doc.corrections.filter((c) => c.applied).length;
    expect(messages).toContainEqual(
      expect.objectContaining({
        ruleId: 'corrections',
        reason: `${applied} corrections applied, ${doc.corrections.length - applied} suggested for review`,
      }),
    );
    expect(messages.filter((m) => m.source === 'sohoa-parse')).toHaveLength(doc.plan.messages.length);
  });

  it('says nothing of OCR or corrections for a clean text input', () => {
    const doc = fixture('laocai-ubnd-134-text');
    const messages = collectMessages(undefined, [], doc.plan);
    expect(messages.every((m) => m.source === 'sohoa-parse')).toBe(true);
  });
});
