/**
 * The one error `@sohoa/annotation` throws, at its border: a span that is not in the text,
 * selectors without a quote, notes or Web Annotation JSON that fail their schema. Shaped like
 * `CorrectError` (`@sohoa/correct`): a `code` to switch on, a `path` and zod's issues.
 * A passage that cannot be found is no error: `resolve` returns null.
 */

import type * as z from 'zod';

export type AnnotationErrorCode =
  /** `anchor` or `moveThroughEdit` got a span or edit outside the text, inverted or empty. */
  | 'invalid-span'
  /** `resolve` got selectors without a TextQuoteSelector, or malformed ones. */
  | 'invalid-selectors'
  /** `toWebAnnotations` got notes that fail the `Note` schema. */
  | 'invalid-notes'
  /** `fromWebAnnotations` got JSON that is no Web Annotation collection, page or annotation it can read. */
  | 'invalid-web-annotation';

export class AnnotationError extends Error {
  override readonly name = 'AnnotationError';
  readonly code: AnnotationErrorCode;
  /** Where in the argument the problem is (`['first', 'items', 3, 'created']`). */
  readonly path: readonly PropertyKey[];
  /** zod's issues, when a schema found the problem. */
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(
    code: AnnotationErrorCode,
    message: string,
    path: readonly PropertyKey[] = [],
    issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(message);
    this.code = code;
    this.path = path;
    this.issues = issues;
  }
}

/** Whether `error` is an `AnnotationError` (also across copies of the package). */
export function isAnnotationError(error: unknown): error is AnnotationError {
  return (
    error instanceof AnnotationError ||
    (error instanceof Error &&
      error.name === 'AnnotationError' &&
      typeof (error as AnnotationError).code === 'string')
  );
}

/** An AnnotationError for a failed zod parse: the first issue's message and path, all issues kept. */
export function fromZod(code: AnnotationErrorCode, what: string, error: z.ZodError): AnnotationError {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join('.')}` : '';
  return new AnnotationError(
    code,
    `${what}: ${first?.message ?? 'invalid'}${where}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''}`,
    first?.path ?? [],
    error.issues,
  );
}
