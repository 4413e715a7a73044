import { beforeAll, describe, expect, it } from 'vitest';
import { correct } from '../correct.js';
import { isCorrectError } from '../errors.js';
import { loadBundledLm } from '../lm/bundled.node.js';
import type { SyllableLm } from '../lm/index.js';
import { compileTable, editCost } from './cost.js';
import { TESSERACT_TABLE, tableForEngine } from './engines.js';
import { DEFAULT_TABLE } from './table.js';

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});

// Native tesseract drops the ngã of "dẫn" (reads "dân") more often than sohoa's OCR does.
const TEXT = 'Các cơ quan có trách nhiệm hướng dân thi hành.';
const confidences = (options: object) =>
  correct(TEXT, { lm, ...options }).corrections.map((c) => `${c.original}>${c.replacement} ${c.confidence}`);

describe('engine option', () => {
  it('selects the table calibrated on that engine', () => {
    expect(tableForEngine()).toBe(DEFAULT_TABLE);
    expect(tableForEngine('sohoa')).toBe(DEFAULT_TABLE);
    expect(tableForEngine('tesseract')).toBe(TESSERACT_TABLE);
    expect(TESSERACT_TABLE.source).toMatch(/tesseract/);
    expect(TESSERACT_TABLE.version).toBe(1);
  });

  it('costs the same misreading differently by engine', () => {
    const sohoa = compileTable(DEFAULT_TABLE);
    const native = compileTable(TESSERACT_TABLE);
    // ngang read for ngã ("dân" for "dẫn") and sắc read for nặng ("hiến" for "hiện") are commoner
    // in native tesseract's readings: cheaper in its table.
    expect(editCost(native, 'dân', 'dẫn').cost).toBeLessThan(editCost(sohoa, 'dân', 'dẫn').cost - 0.1);
    expect(editCost(native, 'hiến', 'hiện').cost).toBeLessThan(editCost(sohoa, 'hiến', 'hiện').cost - 0.3);
  });

  it('is what correct() uses, unless an explicit table is given', () => {
    const sohoa = confidences({});
    const native = confidences({ engine: 'tesseract' });
    expect(confidences({ engine: 'sohoa' })).toEqual(sohoa);
    expect(confidences({ table: TESSERACT_TABLE })).toEqual(native);
    expect(native).not.toEqual(sohoa);
    // The same repair, more confident under the table where that misreading is commoner.
    const conf = (r: string[]) => Number(r.find((c) => c.startsWith('dân>dẫn'))?.split(' ')[1]);
    expect(conf(native)).toBeGreaterThan(conf(sohoa));
    expect(confidences({ engine: 'tesseract', table: DEFAULT_TABLE })).toEqual(sohoa);
  });

  it('rejects an unknown engine', () => {
    let error: unknown;
    try {
      correct(TEXT, { lm, engine: 'abbyy' as never });
    } catch (e) {
      error = e;
    }
    expect(isCorrectError(error)).toBe(true);
    expect((error as { path: unknown }).path).toEqual(['options', 'engine']);
  });
});
