import type { BBox, OcrBlock } from '@sohoa/model';

export interface FrameChange {
  /** Size of the image the boxes were found in (after preprocessing). */
  from: { width: number; height: number };
  /** Size of the original image the boxes are mapped into. */
  to: { width: number; height: number };
  /** Upscaling factor applied before rotation. */
  scale: number;
  /** Rotation applied by preprocessing, in degrees (see `rotate`). */
  skew: number;
}

/**
 * Boxes found on the preprocessed page → boxes on the original scan (axis-aligned hull of
 * the rotated corners), so exports overlay the image the user has. Layout runs before this,
 * in the straightened frame, where text lines are horizontal.
 */
export function boxMapper(change: FrameChange): (b: BBox) => BBox {
  const { scale, skew } = change;
  if (scale === 1 && skew === 0) return (b) => b;
  const rad = (skew * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = (change.from.width - 1) / 2;
  const cy = (change.from.height - 1) / 2;
  const { width: W, height: H } = change.to;
  // rotate() sampled output (x, y) from source (cx + dx·cos − dy·sin, cy + dx·sin + dy·cos).
  const toSource = (x: number, y: number): [number, number] => {
    const dx = x - cx;
    const dy = y - cy;
    return [(cx + dx * cos - dy * sin) / scale, (cy + dx * sin + dy * cos) / scale];
  };
  return (b) => {
    const pts = [toSource(b.x0, b.y0), toSource(b.x1, b.y0), toSource(b.x0, b.y1), toSource(b.x1, b.y1)];
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    return {
      x0: Math.min(W, Math.max(0, Math.round(Math.min(...xs)))),
      y0: Math.min(H, Math.max(0, Math.round(Math.min(...ys)))),
      x1: Math.min(W, Math.max(0, Math.round(Math.max(...xs)))),
      y1: Math.min(H, Math.max(0, Math.round(Math.max(...ys)))),
    };
  };
}

export function mapBlocks(blocks: OcrBlock[], map: (b: BBox) => BBox): OcrBlock[] {
  return blocks.map((block) => ({
    ...block,
    bbox: map(block.bbox),
    lines: block.lines.map((line) => ({
      ...line,
      bbox: map(line.bbox),
      words: line.words.map((w) => ({ ...w, bbox: map(w.bbox) })),
    })),
  }));
}
