import { beforeAll, describe, expect, it } from 'vitest';
import { correct } from './correct.js';
import { CorrectError, isCorrectError } from './errors.js';
import { loadBundledLm } from './lm/bundled.node.js';
import type { SyllableLm } from './lm/index.js';

let lm: SyllableLm;
beforeAll(async () => {
  lm = await loadBundledLm();
});

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('correct: defaults', () => {
  it("works without options: correct('x')", () => {
    expect(correct('x')).toEqual({ text: 'x', corrections: [], toneStyle: 'old' });
  });

  it('runs the rules alone without a model', () => {
    const r = correct('Nghị quyết số 36-NQ/7W về kinh tế.');
    expect(r.text).toBe('Nghị quyết số 36-NQ/TW về kinh tế.');
    expect(r.corrections.map((c) => c.reason)).toEqual(['docnumber']);
    // Words are left to the model: none here.
    expect(correct('Công tác kiếm tra.').text).toBe('Công tác kiếm tra.');
    expect(correct('Công tác kiếm tra.', { lm }).text).toBe('Công tác kiểm tra.');
  });

  it('takes the empty string and whitespace', () => {
    expect(correct('', { lm }).text).toBe('');
    expect(correct(' \n\f\t', { lm }).text).toBe(' \n\f\t');
  });
});

describe('correct: invalid input gets a CorrectError', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an array', ['text']],
    ['an object of another kind', { text: 'x' }],
  ])('%s', (_, input) => {
    const error = thrown(() => correct(input as never, { lm }));
    expect(error).toBeInstanceOf(CorrectError);
    expect(isCorrectError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-input', name: 'CorrectError' });
  });

  it('an OcrDocument that breaks its schema, with the path and zod issues', () => {
    const doc = { type: 'ocr-document', source: 'x', language: 'vie', text: 'a', pages: [{ number: 0 }] };
    const error = thrown(() => correct(doc as never, { lm })) as CorrectError;
    expect(error).toBeInstanceOf(CorrectError);
    expect(error.code).toBe('invalid-input');
    expect(error.path.slice(0, 2)).toEqual(['pages', 0]);
    expect(error.issues.length).toBeGreaterThan(0);
  });

  it.each([
    ['lm', 'model'],
    ['threshold', 'high'],
    ['threshold', -1],
    ['beam', 0],
    ['errorRate', Number.NaN],
    ['toneStyle', 'modern'],
  ])('option %s = %s', (key, value) => {
    const error = thrown(() => correct('x', { lm, [key]: value } as never));
    expect(error).toMatchObject({ code: 'invalid-options', path: ['options', key] });
    expect(error).toBeInstanceOf(CorrectError);
  });

  it('options that are no object', () => {
    expect(thrown(() => correct('x', 'fast' as never))).toMatchObject({ code: 'invalid-options' });
  });
});
