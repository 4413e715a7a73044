import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { OcrDocument } from '@sohoa/model';
import { openDocument } from './document-reader.js';
import { OcrInputError } from './errors.js';
import { createNodeDecoders, nodeAssetPaths, type OcrModel } from './node-decoders.js';
import {
  createOcr,
  type Ocr,
  type OcrOptions,
  type OcrPlatform,
  type RecognizeCallbacks,
} from './recognizer.js';
import { DecoderSandbox, type SandboxOptions } from './sandbox.node.js';

export interface NodeOcrOptions extends OcrOptions {
  /**
   * Decode images and render PDFs in separate processes (default true), each bounded in
   * time and memory, so a crafted file that crashes or exhausts a decoder fails alone.
   * `false` decodes in this process: only for input you trust.
   */
  isolate?: boolean;
  /** Resident memory a decoder process may use, in MB (default 2048). */
  decoderMemoryMb?: number;
  /** The Vietnamese network: `best` (default, most accurate) or `fast` (about twice as fast). */
  model?: OcrModel;
}

export function createNodePlatform(options: NodeOcrOptions = {}): OcrPlatform {
  const assets = nodeAssetPaths(options.model);
  const cores = availableParallelism();
  if (options.isolate === false) {
    const decoders = createNodeDecoders();
    return {
      assets: { langPath: assets.langPath },
      cores,
      open: (input, reader) => openDocument(decoders, input, reader),
    };
  }
  const limits: Partial<SandboxOptions> = {
    size: Math.max(1, options.workers ?? cores),
    ...(options.pageTimeoutMs ? { timeoutMs: options.pageTimeoutMs } : {}),
    ...(options.decoderMemoryMb ? { maxMemoryMb: options.decoderMemoryMb } : {}),
  };
  const sandbox = new DecoderSandbox(limits);
  return {
    assets: { langPath: assets.langPath },
    cores,
    open: (input, reader) => sandbox.open(input, reader),
    close: () => sandbox.close(),
  };
}

/** An OCR engine for Node: local assets, a worker pool sized to the cores. Close it when done. */
export function createNodeOcr(options: NodeOcrOptions = {}): Ocr {
  return createOcr(createNodePlatform(options), options);
}

/** Read a file for OCR, turning file-system failures into one-line input errors. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new OcrInputError('not-found', file, 'no such file', { cause: error });
    if (code === 'EISDIR')
      throw new OcrInputError('unreadable', file, 'is a directory, not a file', { cause: error });
    if (code === 'EACCES') throw new OcrInputError('unreadable', file, 'permission denied', { cause: error });
    throw new OcrInputError('unreadable', file, `cannot be read (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/** One-shot: OCR one file with a fresh engine. For batches, reuse one `createNodeOcr`. */
export async function ocrFile(
  file: string,
  options: NodeOcrOptions = {},
  callbacks?: RecognizeCallbacks,
): Promise<OcrDocument> {
  const ocr = createNodeOcr(options);
  try {
    return await ocr.recognize({ source: file, bytes: await readInputFile(file) }, callbacks);
  } finally {
    await ocr.close();
  }
}

export * from './index.js';
export { createNodeDecoders, nodeAssetPaths, type OcrModel } from './node-decoders.js';
export { DecoderSandbox, defaultSandboxOptions, type SandboxOptions } from './sandbox.node.js';
