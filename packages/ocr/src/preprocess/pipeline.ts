import type { GrayImage } from '../gray-image.js';
import { sauvolaBinarize } from './binarize.js';
import { medianFilter3, speckleRatio } from './denoise.js';
import { estimateSkew } from './deskew.js';
import { resize, rotate } from './geometry.js';

export interface PreprocessOptions {
  /** Median-filter salt-and-pepper noise: 'auto' does it only when specks are measured. */
  denoise?: boolean | 'auto';
  /** Straighten pages rotated by up to ±10°. */
  deskew?: boolean;
  /** Sauvola adaptive binarisation (uneven light, grey paper). */
  binarize?: boolean;
  /** Upscale pages below this dpi to `targetDpi`. 0 disables upscaling. */
  upscaleBelowDpi?: number;
  targetDpi?: number;
}

export const defaultPreprocessOptions: Required<PreprocessOptions> = {
  denoise: 'auto',
  deskew: true,
  binarize: true,
  upscaleBelowDpi: 250,
  targetDpi: 300,
};

/** Speck share above which the page is treated as salt-and-pepper noisy. */
const NOISY_SPECKLE_RATIO = 0.002;

export interface PreprocessResult {
  image: GrayImage;
  /** Resolution of `image` (changes when upscaled). */
  dpi: number;
  /** Factor from input pixels to output pixels. */
  scale: number;
  /** Rotation applied, in degrees. */
  skew: number;
  /** The steps that ran, in order, for reports. */
  steps: string[];
}

export function preprocess(input: GrayImage, dpi: number, options: PreprocessOptions = {}): PreprocessResult {
  const o = { ...defaultPreprocessOptions, ...options };
  const steps: string[] = [];
  let image = input;
  if (o.denoise === true || (o.denoise === 'auto' && speckleRatio(image) > NOISY_SPECKLE_RATIO)) {
    // Before upscaling: specks are single pixels at the scan's own resolution.
    image = medianFilter3(image);
    steps.push('denoise');
  }
  let scale = 1;
  let outDpi = dpi;
  if (o.upscaleBelowDpi > 0 && dpi < o.upscaleBelowDpi) {
    scale = o.targetDpi / dpi;
    image = resize(image, Math.round(image.width * scale), Math.round(image.height * scale));
    outDpi = o.targetDpi;
    steps.push(`upscale×${scale.toFixed(2)}`);
  }
  let skew = 0;
  if (o.deskew) {
    const est = estimateSkew(image);
    // Below 0.1° rotation costs time and blurs strokes for no gain.
    if (Math.abs(est.correction) >= 0.1 && est.gain > 1.02) {
      image = rotate(image, est.correction);
      skew = est.correction;
      steps.push(`deskew ${est.correction}°`);
    }
  }
  if (o.binarize) {
    image = sauvolaBinarize(image);
    steps.push('binarize');
  }
  return { image, dpi: outDpi, scale, skew, steps };
}
