import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { correct, DEFAULT_TABLE } from '@sohoa/correct';
import { loadBundledLm } from '@sohoa/correct/node';
import { describe, expect, it } from 'vitest';
import { createDigitiser } from './node.js';

const noisy = readFileSync(
  fileURLToPath(new URL('../../../fixtures/texts/ocr/seed-part1.noisy.txt', import.meta.url)),
  'utf8',
);

describe('createDigitiser().learn: a batch of text inputs teaches its own confusions', () => {
  it('corrects the text inputs after it with the table learnt from them', async () => {
    const digitiser = await createDigitiser();
    try {
      const before = await digitiser.digitise({ source: 'a.txt', text: noisy });
      const table = digitiser.learn([noisy]);
      expect(table).not.toBeNull();
      expect(table!.tone).not.toEqual(DEFAULT_TABLE.tone);
      const after = await digitiser.digitise({ source: 'a.txt', text: noisy });
      const lm = await loadBundledLm();
      expect(after.document.text).toBe(correct(noisy, { lm, table: table!, toneStyle: 'keep' }).text);
      expect(before.document.text).toBe(correct(noisy, { lm, toneStyle: 'keep' }).text);
      // The learnt costs are the ones used: the repairs are not equally sure under both tables.
      const sureness = (r: typeof before) => r.document.corrections.map((c) => c.confidence);
      expect(sureness(after)).not.toEqual(sureness(before));
      // Too little text to learn from leaves the calibrated costs in place.
      expect(digitiser.learn(['Kế hoạch.'])).toBeNull();
    } finally {
      await digitiser.close();
    }
  });
});
