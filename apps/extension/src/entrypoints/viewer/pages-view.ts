import type { CorrectedPage } from '@sohoa/export';
import { browserAssetsAt } from '@sohoa/ocr/browser';
import * as pdfjs from 'pdfjs-dist';
import { extensionUrl } from '../../lib/extension-url';

/** pdf.js's files in the layout the build copies them to (the OCR's `browserAssetsAt`). */
const pdfjsAssets = () => browserAssetsAt(extensionUrl('/assets/')).pdfjs;

/*
 * The scan as the user sees it: PDF pages drawn by pdf.js (all its files from the extension), images
 * as they are. Over each page, once read, a transparent text layer of the corrected words at the
 * OCR's positions, so text can be selected and copied from the image, as in pdf.js's viewer.
 */

const DISPLAY_WIDTH = 900;

export interface PageFigure {
  number: number;
  figure: HTMLElement;
  layer: HTMLElement;
}

let configured = false;
function pdfjsFromExtension(): typeof pdfjs {
  if (!configured) {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfjsAssets().workerSrc;
    configured = true;
  }
  return pdfjs;
}

function figureFor(number: number, label: string, drawing: HTMLElement): PageFigure {
  const figure = document.createElement('figure');
  figure.className = 'page';
  figure.dataset.page = String(number);
  const layer = document.createElement('div');
  layer.className = 'text-layer';
  const caption = document.createElement('figcaption');
  caption.textContent = label;
  figure.append(drawing, layer, caption);
  return { number, figure, layer };
}

/** Draw every page of a PDF into the container; returns the page figures in order. */
export async function showPdfPages(
  container: HTMLElement,
  bytes: Uint8Array,
  label: (n: number) => string,
): Promise<PageFigure[]> {
  const lib = pdfjsFromExtension();
  const assets = pdfjsAssets();
  // getDocument detaches the buffer it is given: hand it a copy, the pipeline needs the bytes too.
  const doc = await lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    wasmUrl: assets.wasmUrl,
    standardFontDataUrl: assets.standardFontDataUrl,
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
  }).promise;
  const figures: PageFigure[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = (DISPLAY_WIDTH / base.width) * Math.min(2, globalThis.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', label(n));
      const figure = figureFor(n, label(n), canvas);
      container.append(figure.figure);
      figures.push(figure);
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return figures;
}

/** Show an image file (what the browser can draw: PNG, JPEG, WebP, GIF, BMP). */
export function showImage(
  container: HTMLElement,
  bytes: Uint8Array,
  mediaType: string,
  label: string,
): PageFigure[] {
  const img = document.createElement('img');
  img.alt = label;
  img.src = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
  const figure = figureFor(1, label, img);
  container.append(figure.figure);
  return [figure];
}

/**
 * The corrected words of a page laid over its drawing: one span a line, stretched to the line's box
 * (in the page's own units, so the layer scales with the figure through percentages).
 */
export function drawTextLayer(figure: PageFigure, page: CorrectedPage): void {
  const { layer } = figure;
  layer.replaceChildren();
  const width = figure.figure.clientWidth || DISPLAY_WIDTH;
  const unit = width / page.width;
  for (const block of page.blocks) {
    for (const line of block.lines) {
      const text = line.words.map((w) => w.text).join(' ');
      if (!text) continue;
      const span = document.createElement('span');
      span.textContent = text;
      const height = (line.bbox.y1 - line.bbox.y0) * unit;
      span.style.left = `${(line.bbox.x0 / page.width) * 100}%`;
      span.style.top = `${(line.bbox.y0 / page.height) * 100}%`;
      span.style.fontSize = `${Math.max(4, height * 0.9)}px`;
      span.dataset.width = String((line.bbox.x1 - line.bbox.x0) * unit);
      layer.append(span);
    }
    layer.append(document.createElement('br'));
  }
  // Stretch each line to its box once laid out (the font's own width is not the scan's).
  for (const span of layer.querySelectorAll<HTMLSpanElement>('span')) {
    const natural = span.getBoundingClientRect().width;
    const wanted = Number(span.dataset.width);
    if (natural > 0 && wanted > 0) span.style.transform = `scaleX(${wanted / natural})`;
  }
}

/** A selection on a page's text layer as a box in the page's own units, for notes. */
export function boxOfSelection(figure: PageFigure, range: Range, page: { width: number; height: number }) {
  const frame = figure.layer.getBoundingClientRect();
  const rect = range.getBoundingClientRect();
  const sx = page.width / frame.width;
  const sy = page.height / frame.height;
  return {
    x: Math.max(0, Math.round((rect.left - frame.left) * sx)),
    y: Math.max(0, Math.round((rect.top - frame.top) * sy)),
    w: Math.round(rect.width * sx),
    h: Math.round(rect.height * sy),
  };
}
