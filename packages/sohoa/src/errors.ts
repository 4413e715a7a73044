/** Why a document could not be digitised, as a closed set callers can branch on. */
export type DigitiseErrorCode =
  | 'invalid-input'
  | 'unsupported-format'
  | 'not-text'
  | 'empty'
  | 'no-ocr-engine';

export class DigitiseError extends Error {
  readonly code: DigitiseErrorCode;
  readonly source: string;

  constructor(code: DigitiseErrorCode, source: string, message: string) {
    super(message);
    this.name = 'DigitiseError';
    this.code = code;
    this.source = source;
  }
}

export function isDigitiseError(error: unknown): error is DigitiseError {
  return error instanceof DigitiseError;
}
