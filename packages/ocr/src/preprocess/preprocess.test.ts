import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage, otsuThreshold } from '../gray-image.js';
import { backgroundSpread, sauvolaBinarize } from './binarize.js';
import { medianFilter3, speckleRatio } from './denoise.js';
import { estimateSkew } from './deskew.js';
import { resize, rotate } from './geometry.js';
import { preprocess } from './pipeline.js';
import { removeSpecks } from './specks.js';

/** A page of fake text lines: dark bars with word gaps, like text seen from afar. */
function fakePage(width = 1200, height = 1600): GrayImage {
  const img = createGrayImage(width, height);
  for (let y = 100; y < height - 100; y += 40) {
    for (let x = 120; x < width - 120; x++) {
      if ((x >> 5) % 4 === 3) continue; // word gaps
      for (let dy = 0; dy < 14; dy++) img.data[(y + dy) * width + x] = 20;
    }
  }
  return img;
}

function seededNoise(img: GrayImage, share: number, seed = 7): GrayImage {
  let s = seed;
  const rand = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const data = img.data.slice();
  for (let i = 0; i < data.length; i++) {
    const r = rand();
    if (r < share / 2) data[i] = 0;
    else if (r < share) data[i] = 255;
  }
  return { ...img, data };
}

describe('deskew', () => {
  it.each([2.5, -4, 7.2])('finds a rotation of %s° within 0.15°', (angle) => {
    const tilted = rotate(fakePage(), angle);
    const est = estimateSkew(tilted);
    expect(Math.abs(est.correction + angle)).toBeLessThan(0.15);
    expect(est.gain).toBeGreaterThan(1.05);
  });

  it('leaves a straight page alone', () => {
    expect(Math.abs(estimateSkew(fakePage()).correction)).toBeLessThan(0.1);
  });
});

describe('denoise', () => {
  it('measures speckle and the median filter removes it', () => {
    const clean = fakePage();
    const noisy = seededNoise(clean, 0.06);
    expect(speckleRatio(clean)).toBeLessThan(0.0005);
    expect(speckleRatio(noisy)).toBeGreaterThan(0.005);
    const filtered = medianFilter3(noisy);
    expect(speckleRatio(filtered)).toBeLessThan(0.001);
    let diff = 0;
    for (let i = 0; i < clean.data.length; i++)
      if (Math.abs(clean.data[i]! - filtered.data[i]!) > 128) diff++;
    expect(diff / clean.data.length).toBeLessThan(0.01);
  });
});

describe('binarize', () => {
  it('separates ink from paper under a strong illumination gradient', () => {
    const page = fakePage(800, 600);
    // Light falls off from left (255) to right (110); ink stays 60 darker than its paper.
    for (let y = 0; y < page.height; y++) {
      for (let x = 0; x < page.width; x++) {
        const paper = 255 - Math.round((145 * x) / page.width);
        const i = y * page.width + x;
        page.data[i] = page.data[i]! < 128 ? paper - 90 : paper;
      }
    }
    const global = otsuThreshold(page);
    const bin = sauvolaBinarize(page);
    let wrongAdaptive = 0;
    let wrongGlobal = 0;
    const truth = fakePage(800, 600);
    for (let i = 0; i < truth.data.length; i++) {
      const ink = truth.data[i]! < 128;
      if (ink !== (bin.data[i] === 0)) wrongAdaptive++;
      if (ink !== page.data[i]! < global) wrongGlobal++;
    }
    expect(wrongAdaptive / truth.data.length).toBeLessThan(0.02);
    expect(wrongGlobal).toBeGreaterThan(wrongAdaptive * 3);
  });
});

describe('preprocess pipeline', () => {
  it('upscales low-dpi pages, straightens them and reports its steps', () => {
    const page = rotate(resize(fakePage(), 600, 800), 3);
    const out = preprocess(page, 100);
    expect(out.dpi).toBe(200);
    expect(out.image.width).toBe(1200);
    expect(Math.abs(out.skew + 3)).toBeLessThan(0.2);
    expect(out.steps).toEqual(['upscale×2.00', expect.stringMatching(/^deskew/)]);
  });

  it('binarises only pages with uneven lighting', () => {
    const page = fakePage(800, 600);
    expect(backgroundSpread(page)).toBeLessThan(10);
    expect(preprocess(page, 300).steps).not.toContain('binarize');
    for (let y = 0; y < page.height; y++) {
      for (let x = 0; x < page.width; x++) {
        const i = y * page.width + x;
        const paper = 255 - Math.round((200 * x) / page.width);
        page.data[i] = page.data[i]! < 128 ? Math.max(0, paper - 90) : paper;
      }
    }
    expect(backgroundSpread(page)).toBeGreaterThan(100);
    expect(preprocess(page, 300).steps).toContain('binarize');
  });

  it('denoises only when it measures specks, and every step can be switched off', () => {
    expect(preprocess(fakePage(), 300).steps).not.toContain('denoise');
    expect(preprocess(seededNoise(fakePage(), 0.05), 300).steps[0]).toBe('denoise');
    const none = preprocess(fakePage(), 150, {
      denoise: false,
      deskew: false,
      binarize: false,
      upscaleBelowDpi: 0,
    });
    expect(none.steps).toEqual([]);
    expect(none.dpi).toBe(150);
  });
});

describe('removeSpecks', () => {
  it('removes isolated dust but keeps small marks next to glyphs', () => {
    const page = fakePage(800, 600);
    const at = (x: number, y: number, v = 0) => {
      page.data[y * page.width + x] = v;
    };
    // Dust in the margin: 2×2 dark dots far from any text.
    for (const [x, y] of [
      [30, 30],
      [60, 550],
      [770, 300],
    ] as const) {
      at(x, y);
      at(x + 1, y);
      at(x, y + 1);
      at(x + 1, y + 1);
    }
    // A "tone mark" 3 px above a text bar at y = 100.
    for (let dx = 0; dx < 3; dx++) at(200 + dx, 95);
    const { image, removed } = removeSpecks(page);
    expect(removed).toBe(3);
    expect(image.data[30 * page.width + 30]).toBe(255);
    expect(image.data[95 * page.width + 201]).toBe(0);
  });
});
