import type { BBox, OcrDocument } from '@sohoa/model';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapes[c]!);
}

function box(b: BBox): string {
  return `bbox ${Math.round(b.x0)} ${Math.round(b.y0)} ${Math.round(b.x1)} ${Math.round(b.y1)}`;
}

/**
 * hOCR 1.2 of a document, in our reading order (header columns apart). Text-layer pages
 * are included too, with coordinates in PDF points, so one format covers every page.
 */
export function toHocr(doc: OcrDocument): string {
  const out: string[] = [];
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi" lang="vi">',
    '<head>',
    `<title>${escapeXml(doc.source)}</title>`,
    '<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>',
    '<meta name="ocr-system" content="sohoa (tesseract.js)"/>',
    '<meta name="ocr-capabilities" content="ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf"/>',
    '</head>',
    '<body>',
  );
  let blockId = 0;
  let lineId = 0;
  let wordId = 0;
  for (const page of doc.pages) {
    const p = page.number;
    const pageBox = box({ x0: 0, y0: 0, x1: page.width, y1: page.height });
    out.push(
      `<div class="ocr_page" id="page_${p}" title="image &quot;${escapeXml(doc.source)}&quot;; ${pageBox}; ppageno ${p - 1}; scan_res ${Math.round(page.dpi)} ${Math.round(page.dpi)}">`,
    );
    for (const block of page.blocks) {
      blockId++;
      out.push(
        `<div class="ocr_carea" id="block_${p}_${blockId}" title="${box(block.bbox)}" data-role="${block.role}">`,
      );
      out.push(`<p class="ocr_par" id="par_${p}_${blockId}" lang="vie" title="${box(block.bbox)}">`);
      for (const line of block.lines) {
        lineId++;
        const words = line.words.map((w) => {
          wordId++;
          return `<span class="ocrx_word" id="word_${p}_${wordId}" title="${box(w.bbox)}; x_wconf ${Math.round(w.confidence)}">${escapeXml(w.text)}</span>`;
        });
        out.push(
          `<span class="ocr_line" id="line_${p}_${lineId}" title="${box(line.bbox)}">${words.join(' ')}</span>`,
        );
      }
      out.push('</p>', '</div>');
    }
    out.push('</div>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
