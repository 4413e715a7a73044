/*
 * The page of the Chromium tests (bundled for the browser by `chromium.node.ts`): OCR in the
 * window and, through `browser-worker.ts`, in a dedicated worker, answering plain data so the
 * test can read it across `page.evaluate`.
 */
import { browserAssetsAt, createBrowserOcr, type Ocr } from '../browser.js';
import { type PageRun, run } from './browser-run.js';

// A relative base: the platform resolves it against the page (or the worker's script) itself.
const assets = browserAssetsAt('/assets/');
let ocr: Ocr | undefined;

const api = {
  /** OCR a served file in this window (one shared engine, one tesseract worker). */
  recognize(url: string): Promise<PageRun> {
    ocr ??= createBrowserOcr(assets, { workers: 1 });
    return run(ocr, url);
  },
  /** The same in a dedicated worker: no DOM, OffscreenCanvas only, tesseract's worker nested. */
  recognizeInWorker(url: string): Promise<PageRun> {
    const worker = new Worker('/worker.js', { type: 'module' });
    return new Promise<PageRun>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<PageRun>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(`worker failed: ${event.message}`));
      worker.postMessage(url);
    }).finally(() => worker.terminate());
  },
  async close(): Promise<void> {
    await ocr?.close();
    ocr = undefined;
  },
};

Object.assign(globalThis, { sohoa: api, sohoaReady: true });
export type BrowserTestApi = typeof api;
