import { browser } from 'wxt/browser';

/**
 * The URL of a file of the extension. WXT types `getURL` with the pages it knows; the assets copied
 * at build time (tesseract, pdf.js, the model, the font) are not among them.
 */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0]);
}
