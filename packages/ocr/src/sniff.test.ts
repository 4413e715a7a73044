import { describe, expect, it } from 'vitest';
import { declaredDpi } from './image-dpi.js';
import { sniffInput, structureProblem } from './sniff.js';

function png(width: number, height: number, dpi?: number): Uint8Array {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const ihdr = [...u32(13), ...[73, 72, 68, 82], ...u32(width), ...u32(height), 8, 0, 0, 0, 0, 0, 0, 0, 0];
  const phys = dpi
    ? [
        ...u32(9),
        ...[112, 72, 89, 115],
        ...u32(Math.round(dpi / 0.0254)),
        ...u32(Math.round(dpi / 0.0254)),
        1,
        0,
        0,
        0,
        0,
      ]
    : [];
  return new Uint8Array([...sig, ...ihdr, ...phys, ...u32(0), 73, 69, 78, 68, 0, 0, 0, 0]);
}

describe('sniffInput', () => {
  it('reads PNG size from the header', () => {
    expect(sniffInput(png(2480, 3508))).toEqual({ format: 'png', width: 2480, height: 3508 });
  });

  it('recognises PDFs, TIFFs, BMPs and JPEGs by magic bytes, not by name', () => {
    expect(sniffInput(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'))?.format).toBe('pdf');
    expect(sniffInput(new Uint8Array([0x49, 0x49, 42, 0, 8, 0, 0, 0]))?.format).toBe('tiff');
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 1000, true);
    new DataView(bmp.buffer).setInt32(22, -1400, true); // top-down BMPs store a negative height
    expect(sniffInput(bmp)).toEqual({ format: 'bmp', width: 1000, height: 1400 });
    const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0, 0x48, 0, 0x48, 0, 0];
    const sof0 = [0xff, 0xc0, 0, 17, 8, 0x0d, 0xb4, 0x09, 0xb0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const jpeg = new Uint8Array([0xff, 0xd8, ...app0, ...sof0]);
    expect(sniffInput(jpeg)).toEqual({ format: 'jpeg', width: 2480, height: 3508 });
  });

  it('returns undefined for text and tiny files', () => {
    expect(sniffInput(new TextEncoder().encode('this is not an image at all'))).toBeUndefined();
    expect(sniffInput(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('declaredDpi', () => {
  it('reads PNG pHYs and ignores screen defaults', () => {
    expect(declaredDpi(png(10, 10, 300), 'png')).toBe(300);
    expect(declaredDpi(png(10, 10, 72), 'png')).toBeUndefined();
    expect(declaredDpi(png(10, 10), 'png')).toBeUndefined();
  });
});

describe('structureProblem', () => {
  it('accepts sound files and names the damage in broken ones', () => {
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0, 0xff, 0xda, 0, 2, 9, 9, 0xff, 0xd9,
    ]);
    expect(structureProblem(jpeg, 'jpeg')).toBeUndefined();
    expect(structureProblem(jpeg.subarray(0, 18), 'jpeg')).toMatch(/truncated/);
    expect(structureProblem(jpeg.subarray(0, 8), 'jpeg')).toMatch(/truncated/);
    const noFrame = new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 9, 0xff, 0xd9]);
    expect(structureProblem(noFrame, 'jpeg')).toMatch(/before the frame header/);
  });
});
