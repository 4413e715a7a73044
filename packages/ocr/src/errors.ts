/**
 * Why an input could not be read. A closed set, like zod's issue codes, so callers can
 * branch on `code` and the CLI can print one line per failed file.
 */
export type OcrErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'empty-file'
  | 'unsupported-format'
  | 'corrupt'
  | 'encrypted-pdf'
  | 'empty-pdf'
  | 'too-large'
  | 'timeout'
  | 'out-of-memory'
  | 'decoder-crashed'
  | 'engine-failed'
  | 'invalid-input';

export class OcrInputError extends Error {
  readonly code: OcrErrorCode;
  /** The input's name as the caller gave it. */
  readonly source: string;

  constructor(code: OcrErrorCode, source: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrInputError';
    this.code = code;
    this.source = source;
  }
}

export function isOcrInputError(error: unknown): error is OcrInputError {
  return error instanceof OcrInputError;
}
