import { readFile } from 'node:fs/promises';

/** Why an input file could not be read, in a few words for a one-line error. */
export class UnreadableInput extends Error {
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.reason = reason;
  }
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The bytes of a file, or of standard input for "-". */
export async function readCommandInput(file: string, stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if (file === '-') return readStdin(stdin);
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : `cannot read (${code ?? (error as Error).message})`;
    throw new UnreadableInput(reason, { cause: error });
  }
}

/** Strict UTF-8 with a leading BOM dropped; null for legacy-encoded or binary bytes. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
