import type { ProgressStream } from './progress.js';

/** The streams a command talks to; tests pass their own. */
export interface Io {
  stdout: ProgressStream;
  stderr: ProgressStream;
  stdin: NodeJS.ReadableStream;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };

/** A command line that cannot be run as given: reported in one line, exit code 2. */
export class UsageError extends Error {}
