import type { ProgressStream } from './progress.js';

/** The streams a command talks to; tests pass their own. */
export interface Io {
  stdout: ProgressStream;
  stderr: ProgressStream;
  stdin: NodeJS.ReadableStream;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
