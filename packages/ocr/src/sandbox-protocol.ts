import type { PreparedPage, ReaderOptions } from './document-reader.js';
import type { OcrErrorCode } from './errors.js';
import type { InputFormat } from './sniff.js';

/** Requests the parent sends a decoder process, one at a time. */
export type SandboxRequest =
  | {
      id: number;
      type: 'open';
      input: { bytes: Uint8Array; source: string; format: InputFormat };
      options: ReaderOptions;
    }
  | { id: number; type: 'page'; n: number }
  | { id: number; type: 'close' };

/** A request before the process numbers it (Omit over a union would merge its members). */
export type SandboxCall = SandboxRequest extends infer R
  ? R extends SandboxRequest
    ? Omit<R, 'id'>
    : never
  : never;

export type SandboxReply =
  | { id: number; ok: true; pageCount?: number; page?: PreparedPage }
  | { id: number; ok: false; error: { code: OcrErrorCode; message: string } };
