import { beforeAll, describe, expect, it } from 'vitest';
import { compileTable, editCost } from '../channel/cost.js';
import { PRIOR_TABLE } from '../channel/table.js';
import { loadBundledLm } from '../lm/bundled.node.js';
import { splitCandidates, wordCandidates } from './generate.js';
import { type Inventory, inventoryOf } from './inventory.js';

let inv: Inventory;
const ct = compileTable(PRIOR_TABLE);
const options = { limit: 10, maxEdit: 6 };
beforeAll(async () => {
  inv = inventoryOf(await loadBundledLm());
});

const texts = (raw: string, wide = false) => wordCandidates(inv, ct, raw, options, wide).map((c) => c.text);

describe('inventory', () => {
  it('indexes attested syllables by bare letters, and acronyms by bare capitals', () => {
    expect(inv.byBase.get('tien')?.map((e) => e.form)).toContain(
      'triển'.replace('r', '') === 'tiển' ? 'tiền' : 'tiền',
    );
    expect(inv.syllables.has('nghiêng')).toBe(true);
    expect(inv.acronyms.get('UBND')?.map((e) => e.form)).toContain('UBND');
  });
});

describe('wordCandidates', () => {
  it('offers other marks on the same letters, cheapest first', () => {
    expect(texts('triến')[0]).toBe('triển');
    expect(texts('chât')).toContain('chất');
    expect(texts('dầu')).toContain('đầu');
  });

  it('offers letters of similar shape', () => {
    expect(texts('hảo')).toContain('bảo');
    expect(texts('phấrn')).toContain('phẩm');
    expect(texts('cị1')).toContain('cụ');
  });

  it('drops or adds a letter only when asked (readings that are no syllable)', () => {
    expect(texts('thàn')).not.toContain('thành');
    expect(texts('thàn', true)).toContain('thành');
  });

  it('never offers the reading itself, nor unattested syllables', () => {
    expect(texts('tỉnh')).not.toContain('tỉnh');
    for (const t of texts('nghiêng')) expect(inv.syllables.has(t)).toBe(true);
  });
});

describe('candidate costs', () => {
  it('are never cheaper than the best alignment, and usually the same', () => {
    let same = 0;
    let total = 0;
    for (const raw of ['triến', 'chât', 'hảo', 'phấrn', 'cị1', 'thàn', 'nưoc', 'đỉến', 'kiếm', 'tô']) {
      for (const c of wordCandidates(inv, ct, raw, options, true)) {
        const best = editCost(ct, raw, c.text).cost;
        expect(c.edit).toBeGreaterThanOrEqual(best - 1e-9);
        total++;
        if (Math.abs(c.edit - best) < 1e-9) same++;
      }
    }
    expect(same / total).toBeGreaterThan(0.9);
  });
});

describe('splitCandidates', () => {
  it('cuts words OCR ran together into two attested syllables', () => {
    expect(splitCandidates(inv, ct, 'vàphát', options).map((c) => c.text)).toContain('và phát');
    expect(splitCandidates(inv, ct, 'trongy', options).map((c) => c.text)).toContain('trong y');
  });
});
