import type { OcrWord } from '@sohoa/model';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { OcrInputError } from './errors.js';
import type { RawLine } from './layout.js';

/** The parts of the pdfjs-dist module we use; Node and browsers import different builds. */
export interface PdfjsModule {
  getDocument: (params: Record<string, unknown>) => {
    promise: Promise<PDFDocumentProxy>;
    destroy(): Promise<void>;
  };
  Util: { transform(m1: number[], m2: number[]): number[] };
  OPS: Record<string, number>;
}

export interface PdfOpenOptions {
  /** Extra getDocument parameters: local font, cMap and wasm locations. */
  documentParams?: Record<string, unknown>;
}

export async function openPdf(
  pdfjs: PdfjsModule,
  bytes: Uint8Array,
  source: string,
  options: PdfOpenOptions = {},
): Promise<PDFDocumentProxy> {
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy, never the caller's
  // bytes. A plain Uint8Array: pdf.js refuses Node Buffers, and Buffer#slice is a view anyway.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...options.documentParams,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages === 0) {
      await doc.destroy();
      throw new OcrInputError('empty-pdf', source, 'the PDF has no pages');
    }
    return doc;
  } catch (error) {
    if (error instanceof OcrInputError) throw error;
    await task.destroy().catch(() => {});
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new OcrInputError('encrypted-pdf', source, 'the PDF is encrypted (password required)', {
        cause: error,
      });
    }
    const detail = (error as Error).message ?? String(error);
    throw new OcrInputError('corrupt', source, `the PDF is corrupt or unreadable (${detail})`, {
      cause: error,
    });
  }
}

export interface TextLayerPage {
  lines: RawLine[];
  /** Number of non-space characters found. */
  characters: number;
  /** Share of characters that cannot be real text (replacement, control, private use). */
  garbage: number;
  width: number;
  height: number;
}

/** Positions in PDF points (72 dpi), top-left origin. */
export async function readTextLayer(pdfjs: PdfjsModule, page: PDFPageProxy): Promise<TextLayerPage> {
  const viewport = page.getViewport({ scale: 1 });
  // pdf.js would otherwise NFKC-normalise (µ → μ), destroying TCVN3 text before we can decode it.
  const content = await page.getTextContent({ disableNormalization: true });
  interface Run {
    text: string;
    x0: number;
    x1: number;
    baseline: number;
    size: number;
  }
  const runs: Run[] = [];
  let characters = 0;
  let garbage = 0;
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const m = pdfjs.Util.transform(viewport.transform as number[], item.transform as number[]);
    const size = Math.hypot(m[2]!, m[3]!) || item.height || 10;
    const x0 = m[4]!;
    const width = item.width * viewport.scale;
    runs.push({ text: item.str, x0, x1: x0 + width, baseline: m[5]!, size });
    for (const ch of item.str) {
      if (/\s/u.test(ch)) continue;
      characters++;
      if (/[\uFFFD\u0000-\u001F\uE000-\uF8FF]/u.test(ch)) garbage++;
    }
  }
  runs.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  // Runs on one baseline make one line; pdf.js splits lines wherever the font changes.
  const rawLines: Run[][] = [];
  for (const run of runs) {
    const line = rawLines[rawLines.length - 1];
    if (line && Math.abs(line[0]!.baseline - run.baseline) < 0.35 * Math.min(line[0]!.size, run.size))
      line.push(run);
    else rawLines.push([run]);
  }
  const lines: RawLine[] = [];
  let paragraph = 0;
  let previous: { baseline: number; size: number } | undefined;
  const left = runs.length > 0 ? Math.min(...runs.map((r) => r.x0)) : 0;
  for (const line of rawLines) {
    line.sort((a, b) => a.x0 - b.x0);
    const first = line[0]!;
    const gap = previous ? first.baseline - previous.baseline : Number.POSITIVE_INFINITY;
    const indented = first.x0 - left > 1.5 * first.size;
    if (!previous || gap > 1.6 * previous.size || indented) paragraph++;
    previous = first;
    lines.push({ words: line.flatMap(runWords), paragraph });
  }
  return {
    lines,
    characters,
    garbage: characters ? garbage / characters : 0,
    width: viewport.width,
    height: viewport.height,
  };
}

/** Split a text run into words, placing each by its share of the run's characters. */
function runWords(run: { text: string; x0: number; x1: number; baseline: number; size: number }): OcrWord[] {
  const words: OcrWord[] = [];
  const total = run.text.length || 1;
  const perChar = (run.x1 - run.x0) / total;
  const re = /\S+/gu;
  for (let m = re.exec(run.text); m; m = re.exec(run.text)) {
    const x0 = run.x0 + m.index * perChar;
    words.push({
      text: m[0],
      bbox: {
        x0: round2(x0),
        y0: round2(run.baseline - 0.8 * run.size),
        x1: round2(x0 + m[0].length * perChar),
        y1: round2(run.baseline + 0.2 * run.size),
      },
      confidence: 100,
    });
  }
  return words;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Resolution of the largest image painted on the page, in dpi, or undefined when the page
 * paints none. Rendering a scan above its own resolution invents pixels and costs time.
 */
export async function embeddedImageDpi(pdfjs: PdfjsModule, page: PDFPageProxy): Promise<number | undefined> {
  const ops = await page.getOperatorList();
  const viewport = page.getViewport({ scale: 1 });
  let best: number | undefined;
  const paintOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (!paintOps.has(ops.fnArray[i]!)) continue;
    const args = ops.argsArray[i] as unknown[];
    let width: number | undefined;
    if (typeof args[1] === 'number') width = args[1];
    else if (args[0] && typeof args[0] === 'object' && 'width' in args[0])
      width = (args[0] as { width: number }).width;
    // Logos and stamps are small; only a page-sized scan says what resolution the page has.
    if (!width || width < 800) continue;
    // Assume the image spans the page width, as scans do.
    const dpi = (width / viewport.width) * 72;
    if (best === undefined || dpi > best) best = dpi;
  }
  return best;
}
