/* The worker of the Chromium tests: one OCR per message, reported back as plain data. */
import { browserAssetsAt, createBrowserOcr } from '../browser.js';
import { run } from './browser-run.js';

self.onmessage = async (event: MessageEvent<string>) => {
  const ocr = createBrowserOcr(browserAssetsAt('/assets/'), { workers: 1 });
  try {
    self.postMessage(await run(ocr, event.data));
  } finally {
    await ocr.close();
  }
};
