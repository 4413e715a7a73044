/**
 * The one error `@sohoa/correct` throws, at its border only: input that is no text and no OCR
 * document, or options of the wrong type. Any string is valid input and is corrected without
 * throwing. Shaped like zod's issues: a `code` to switch on, a `path` to the offending value and a
 * message for people; `issues` carries zod's own issues when a schema rejected the value.
 */

import type { z } from 'zod';

export type CorrectErrorCode =
  /** The input is neither a string nor an `OcrDocument` (`@sohoa/model`). */
  | 'invalid-input'
  /** An option has the wrong type or range (`lm` that is no `SyllableLm`, `threshold: 'high'`). */
  | 'invalid-options';

export class CorrectError extends Error {
  override readonly name = 'CorrectError';
  readonly code: CorrectErrorCode;
  /** Where in the input or the options the problem is (`['options', 'threshold']`). */
  readonly path: readonly (string | number)[];
  /** zod's issues, when a schema found the problem. */
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(
    code: CorrectErrorCode,
    message: string,
    path: readonly (string | number)[] = [],
    issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(message);
    this.code = code;
    this.path = path;
    this.issues = issues;
  }
}

/** Whether `error` is a `CorrectError` (also across copies of the package). */
export function isCorrectError(error: unknown): error is CorrectError {
  return (
    error instanceof CorrectError ||
    (error instanceof Error &&
      error.name === 'CorrectError' &&
      typeof (error as CorrectError).code === 'string')
  );
}
