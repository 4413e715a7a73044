/* One OCR run reported as plain data, for the Chromium tests' page and worker. */
import type { OcrDocument } from '@sohoa/model';
import { isOcrInputError, type Ocr, type PageProgress } from '../browser.js';

export interface PageRun {
  doc?: OcrDocument;
  progress?: (Omit<PageProgress, 'result'> & { resultText: string })[];
  error?: { name: string; code?: string; message: string };
  ms: number;
}

export async function run(engine: Ocr, url: string): Promise<PageRun> {
  const started = performance.now();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const progress: NonNullable<PageRun['progress']> = [];
  try {
    const doc = await engine.recognize(
      { source: url, bytes },
      { onPage: ({ result, ...p }) => progress.push({ ...p, resultText: result.text }) },
    );
    return { doc, progress, ms: performance.now() - started };
  } catch (error) {
    const e = error as Error;
    return {
      error: { name: e.name, message: e.message, ...(isOcrInputError(e) ? { code: e.code } : {}) },
      ms: performance.now() - started,
    };
  }
}
