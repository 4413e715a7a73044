import { Plan } from '@sohoa/model';
import { describe, expect, it } from 'vitest';
import { parse } from './index.js';

/*
 * Inputs far from any real document, sized so that a quadratic loop or a backtracking pattern shows as
 * seconds or minutes; a linear parser does each in well under the budget.
 */

// Generous for a loaded 2-core machine: a quadratic pass over these sizes takes minutes, not seconds.
const BUDGET_MS = 15_000;

function timed(text: string): { plan: Plan; ms: number } {
  const start = performance.now();
  const plan = parse(text);
  return { plan, ms: performance.now() - start };
}

const sentence = 'Sở Y tế chủ trì, phối hợp với Công an tỉnh kiểm tra các cơ sở, xong trước ngày 15/3/2024. ';

describe('parse: pathological inputs in bounded time', () => {
  it.each([
    ['a 1 MB single line of sentences', () => sentence.repeat(Math.ceil(1_000_000 / sentence.length))],
    ['a 1 MB single line without a space', () => 'a'.repeat(1_000_000)],
    ['a 1 MB single line of dots and digits', () => '1.'.repeat(500_000)],
    ['a 1 MB single line of open parentheses', () => '(ngày '.repeat(170_000)],
    [
      '100 000 headings',
      () => Array.from({ length: 100_000 }, (_, i) => `${(i % 99) + 1}. Mục ${i}`).join('\n'),
    ],
    [
      'deep nesting',
      () =>
        Array.from({ length: 5_000 }, (_, i) =>
          [
            `${['I', 'II', 'III', 'IV'][i % 4]}. PHẦN`,
            `${(i % 9) + 1}. Mục`,
            `${(i % 9) + 1}.1. Tiểu mục`,
            'a) Điểm',
            '- Ý',
            '+ Ý nhỏ',
          ].join('\n'),
        ).join('\n'),
    ],
    ['10 000 "-" bullets', () => `KẾ HOẠCH\nI. NHIỆM VỤ\n${'- Sở Y tế báo cáo hằng tuần;\n'.repeat(10_000)}`],
  ])('%s', { timeout: 60_000 }, (_name, make) => {
    const text = make();
    const { plan, ms } = timed(text);
    expect(Plan.safeParse(plan).success).toBe(true);
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
