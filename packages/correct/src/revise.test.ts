import type { Correction } from '@sohoa/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CorrectResult, correct } from './correct.js';
import { isCorrectError } from './errors.js';
import { reviseCorrection } from './revise.js';

// A fixed seed makes every run check the same cases, so a failure is reproducible and CI does not
// fail at random; PROPERTY_SEED=random (or a number) explores other cases.
fc.configureGlobal(
  process.env.PROPERTY_SEED === 'random' ? {} : { seed: Number(process.env.PROPERTY_SEED ?? 20261202) },
);

/** The output rebuilt from the input and the records: what each record says is shown. */
function rebuild(input: string, corrections: readonly Correction[]): string {
  let out = '';
  let at = 0;
  for (const c of corrections) {
    out += input.slice(at, c.start) + (c.applied ? c.replacement : c.original);
    at = c.end;
  }
  return out + input.slice(at);
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

// Rules only (no language model): a look-alike mark that shortens the text, then a document number.
const INPUT = "CO' sở vật chất theo Kế hoạch số 15/KH-ƯBND của Ủy ban nhân dân tỉnh.";

describe('reviseCorrection on what correct() returns', () => {
  const result = correct(INPUT);

  it('has the records the tests rely on', () => {
    expect(result.text).toBe('cơ sở vật chất theo Kế hoạch số 15/KH-UBND của Ủy ban nhân dân tỉnh.');
    expect(result.corrections.map((c) => [c.original, c.replacement, c.applied])).toEqual([
      ["CO'", 'cơ', true],
      ['15/KH-ƯBND', '15/KH-UBND', true],
    ]);
  });

  it('reverts: the original is shown, later output offsets move, input offsets stay', () => {
    const r = reviseCorrection(result, 0, { kind: 'revert' });
    expect(r.text).toBe("CO' sở vật chất theo Kế hoạch số 15/KH-UBND của Ủy ban nhân dân tỉnh.");
    expect(r.edit).toEqual({ start: 0, end: 2, text: "CO'" });
    const [first, second] = r.corrections;
    expect(first).toMatchObject({ applied: false, outputStart: 0, outputEnd: 3, start: 0, end: 3 });
    const before = result.corrections[1]!;
    expect(second).toMatchObject({
      outputStart: before.outputStart + 1,
      outputEnd: before.outputEnd + 1,
      start: before.start,
      end: before.end,
    });
    expect(r.text.slice(second!.outputStart, second!.outputEnd)).toBe('15/KH-UBND');
    expect(rebuild(INPUT, r.corrections)).toBe(r.text);
  });

  it("keeps the result's other fields: a revision of a CorrectResult is one", () => {
    let current: CorrectResult = result;
    current = reviseCorrection(current, 0, { kind: 'revert' });
    expect(current.toneStyle).toBe(result.toneStyle);
  });

  it('reverting then accepting gives back the result, and leaves the arguments alone', () => {
    const copy = structuredClone(result);
    const reverted = reviseCorrection(result, 1, { kind: 'revert' });
    expect(reverted.text).toContain('15/KH-ƯBND');
    const accepted = reviseCorrection(reverted, 1, { kind: 'accept' });
    expect(accepted.text).toBe(result.text);
    expect(accepted.corrections).toEqual(result.corrections);
    expect(accepted.toneStyle).toBe(result.toneStyle);
    const at = result.text.indexOf('15/KH-UBND');
    expect(accepted.edit).toEqual({ start: at, end: at + 10, text: '15/KH-UBND' });
    expect(result).toEqual(copy);
  });
});

describe('reviseCorrection with alternatives', () => {
  // "kiếm tra" read for "kiểm tra", with a suggestion kept unapplied after it.
  const input = 'Công tác kiếm tra, giám sát của Ủy ban nhân dân tinh.';
  const base = {
    line: 1,
    note: '',
    reason: 'tone' as const,
  };
  const result = {
    text: 'Công tác kiểm tra, giám sát của Ủy ban nhân dân tinh.',
    corrections: [
      {
        ...base,
        start: 9,
        end: 13,
        column: 10,
        outputStart: 9,
        outputEnd: 13,
        original: 'kiếm',
        replacement: 'kiểm',
        confidence: 0.9,
        applied: true,
        alternatives: [
          { text: 'kiềm', confidence: 0.06 },
          { text: 'kiếm', confidence: 0.04 },
        ],
      },
      {
        ...base,
        start: 48,
        end: 52,
        column: 49,
        outputStart: 48,
        outputEnd: 52,
        original: 'tinh',
        replacement: 'tỉnh',
        confidence: 0.5,
        applied: false,
        alternatives: [],
      },
    ] satisfies Correction[],
  };

  it('an accepted alternative becomes the replacement, the former one an alternative', () => {
    const r = reviseCorrection(result, 0, { kind: 'accept', text: 'kiềm' });
    expect(r.text).toBe('Công tác kiềm tra, giám sát của Ủy ban nhân dân tinh.');
    expect(r.corrections[0]).toMatchObject({
      replacement: 'kiềm',
      confidence: 0.06,
      applied: true,
      alternatives: [
        { text: 'kiểm', confidence: 0.9 },
        { text: 'kiếm', confidence: 0.04 },
      ],
    });
    // Choosing the former replacement again restores the record exactly.
    const back = reviseCorrection(r, 0, { kind: 'accept', text: 'kiểm' });
    expect(back.corrections).toEqual(result.corrections);
    expect(back.text).toBe(result.text);
  });

  it('choosing the original among the alternatives is a revert', () => {
    const r = reviseCorrection(result, 0, { kind: 'accept', text: 'kiếm' });
    expect(r.text).toBe(input);
    expect(r.corrections[0]).toEqual({ ...result.corrections[0], applied: false });
  });

  it('accepts a suggestion', () => {
    const r = reviseCorrection(result, 1, { kind: 'accept' });
    expect(r.text).toBe('Công tác kiểm tra, giám sát của Ủy ban nhân dân tỉnh.');
    expect(r.corrections[1]).toMatchObject({ applied: true, outputStart: 48, outputEnd: 52 });
    expect(r.edit).toEqual({ start: 48, end: 52, text: 'tỉnh' });
  });

  it('reverting what is not applied changes nothing', () => {
    const r = reviseCorrection(result, 1, { kind: 'revert' });
    expect(r.text).toBe(result.text);
    expect(r.corrections).toEqual(result.corrections);
    expect(r.edit).toEqual({ start: 48, end: 52, text: 'tinh' });
  });

  it('throws a CorrectError, and edits nothing, on what it cannot do', () => {
    const cases: [() => unknown, string, (string | number)[]][] = [
      [() => reviseCorrection(result, 2, { kind: 'revert' }), 'invalid-input', ['corrections', 2]],
      [() => reviseCorrection(result, -1, { kind: 'revert' }), 'invalid-input', ['corrections', -1]],
      [() => reviseCorrection(result, 0.5, { kind: 'revert' }), 'invalid-input', ['corrections', 0.5]],
      // The text was edited elsewhere: the record's span no longer holds its replacement.
      [
        () =>
          reviseCorrection({ ...result, text: `Công tác thanh ${result.text.slice(9)}` }, 1, {
            kind: 'revert',
          }),
        'invalid-input',
        ['corrections', 1],
      ],
      [
        () => reviseCorrection({ ...result, text: 'ngắn' }, 0, { kind: 'revert' }),
        'invalid-input',
        ['corrections', 0],
      ],
      [
        () => reviseCorrection(result, 0, { kind: 'accept', text: 'kiêm' }),
        'invalid-options',
        ['choice', 'text'],
      ],
      [
        () => reviseCorrection(result, 0, { kind: 'undo' } as unknown as { kind: 'revert' }),
        'invalid-options',
        ['choice'],
      ],
    ];
    for (const [run, code, path] of cases) {
      const error = thrown(run);
      expect(isCorrectError(error)).toBe(true);
      expect(error).toMatchObject({ code, path });
    }
  });

  it('refuses records out of text order', () => {
    const swapped = { ...result, corrections: [result.corrections[1]!, result.corrections[0]!] };
    expect(thrown(() => reviseCorrection(swapped, 0, { kind: 'accept' }))).toMatchObject({
      code: 'invalid-input',
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties over generated results: plain runs and corrections (zero-length originals and
// replacements included, adjacent corrections included).

const piece = fc.constantFrom(
  '',
  'sở',
  'Sở',
  'kiểm',
  'kiếm',
  "CO'",
  'cơ',
  'tỉnh',
  'tinh',
  ' ',
  'UBND',
  'ƯBND',
  'rìlt-',
);
const plain = fc.array(fc.constantFrom('Ủy ban', ' ', 'nhân dân', ', ', 'phối hợp', '\n\f\n', 'các'), {
  maxLength: 4,
});
const segment = fc.record({
  before: plain.map((parts) => parts.join('')),
  original: piece,
  replacement: piece,
  alternatives: fc.uniqueArray(piece, { maxLength: 3 }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  applied: fc.boolean(),
});

const generated = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), plain)
  .map(([segments, tail]) => {
    let input = '';
    let text = '';
    const corrections: Correction[] = [];
    for (const s of segments) {
      input += s.before;
      text += s.before;
      const replacement = s.replacement === s.original ? `${s.original}x` : s.replacement;
      const shown = s.applied ? replacement : s.original;
      corrections.push({
        start: input.length,
        end: input.length + s.original.length,
        line: 1,
        column: 1,
        outputStart: text.length,
        outputEnd: text.length + shown.length,
        original: s.original,
        replacement,
        confidence: s.confidence,
        reason: 'letter',
        applied: s.applied,
        alternatives: s.alternatives
          .filter((t) => t !== replacement)
          .map((t, i) => ({ text: t, confidence: i / 10 })),
        note: '',
      });
      input += s.original;
      text += shown;
    }
    input += tail.join('');
    text += tail.join('');
    return { input, result: { text, corrections } };
  });

const choice = fc.oneof(
  fc.constant({ kind: 'revert' as const }),
  fc.constant({ kind: 'accept' as const }),
  fc.nat(4).map((k) => ({ kind: 'accept' as const, pick: k })),
);

describe('reviseCorrection: properties', () => {
  it('keeps the records true to the text: rebuilt output = text, edit applied = text', () => {
    fc.assert(
      fc.property(generated, fc.nat(), choice, ({ input, result }, n, ch) => {
        const index = n % result.corrections.length;
        const c = result.corrections[index]!;
        const readings = [c.replacement, ...c.alternatives.map((a) => a.text)];
        const actual =
          'pick' in ch ? { kind: 'accept' as const, text: readings[ch.pick % readings.length] } : ch;
        const copy = structuredClone(result);
        const r = reviseCorrection(result, index, actual);
        expect(result).toEqual(copy);
        expect(rebuild(input, r.corrections)).toBe(r.text);
        expect(result.text.slice(0, r.edit.start) + r.edit.text + result.text.slice(r.edit.end)).toBe(r.text);
        for (const [i, next] of r.corrections.entries()) {
          const old = result.corrections[i]!;
          expect([next.start, next.end, next.original]).toEqual([old.start, old.end, old.original]);
          expect(r.text.slice(next.outputStart, next.outputEnd)).toBe(
            next.applied ? next.replacement : next.original,
          );
        }
      }),
    );
  });

  it('reverting then accepting an applied correction gives back the result (and the converse)', () => {
    fc.assert(
      fc.property(generated, fc.nat(), ({ result }, n) => {
        const index = n % result.corrections.length;
        const [first, second] = result.corrections[index]!.applied
          ? (['revert', 'accept'] as const)
          : (['accept', 'revert'] as const);
        const once = reviseCorrection(result, index, { kind: first });
        expect(once.text === result.text).toBe(
          result.corrections[index]!.original === result.corrections[index]!.replacement,
        );
        const twice = reviseCorrection(once, index, { kind: second });
        expect(twice.text).toBe(result.text);
        expect(twice.corrections).toEqual(result.corrections);
      }),
    );
  });

  it('choosing an alternative, then the former replacement, gives back the result', () => {
    fc.assert(
      fc.property(
        generated.filter(({ result }) =>
          result.corrections.some((c) => c.alternatives.some((a) => a.text !== c.original)),
        ),
        fc.nat(),
        fc.nat(),
        ({ result }, n, m) => {
          const choices = result.corrections.flatMap((c, index) =>
            c.alternatives.filter((a) => a.text !== c.original).map((a) => ({ index, text: a.text })),
          );
          const { index, text } = choices[n % choices.length]!;
          const before = result.corrections[index]!;
          const chosen = reviseCorrection(result, index, { kind: 'accept', text });
          expect(chosen.corrections[index]!.replacement).toBe(text);
          // Something else revised in between does not matter.
          const other = m % result.corrections.length;
          const between = other === index ? chosen : reviseCorrection(chosen, other, { kind: 'accept' });
          const back = reviseCorrection(between, index, { kind: 'accept', text: before.replacement });
          const undone =
            other === index || result.corrections[other]!.applied
              ? back
              : reviseCorrection(back, other, { kind: 'revert' });
          const restored = before.applied ? undone : reviseCorrection(undone, index, { kind: 'revert' });
          expect(restored.text).toBe(result.text);
          expect(restored.corrections).toEqual(result.corrections);
        },
      ),
    );
  });
});
