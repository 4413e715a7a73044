import { imageSize } from 'image-size';
import { u16, u32 } from './bytes.js';
export type InputFormat = 'png' | 'jpeg' | 'webp' | 'bmp' | 'tiff' | 'gif' | 'pdf';

export interface SniffResult {
  format: InputFormat;
  /** Pixel size from the header, when the format has one we can read cheaply. */
  width?: number;
  height?: number;
}

/** Magic bytes of each format we read; the format decides which structure checks run. */
function formatOf(b: Uint8Array): InputFormat | undefined {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 42) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 42))
    return 'tiff';
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  // PDF headers may follow some junk; the spec allows it within the first 1024 bytes.
  if (ascii(b, 0, Math.min(1024, b.length)).includes('%PDF-')) return 'pdf';
  return undefined;
}

/**
 * Recognise an input by its magic bytes, never by its name, and read the image size from
 * the header (image-size) so oversized images are refused before anything is decoded.
 */
export function sniffInput(bytes: Uint8Array): SniffResult | undefined {
  if (bytes.length < 8) return undefined;
  const format = formatOf(bytes);
  if (!format || format === 'pdf') return format && { format };
  try {
    const { width, height } = imageSize(bytes);
    return width !== undefined && height !== undefined ? { format, width, height } : { format };
  } catch {
    // A header image-size cannot read: the structure checks say what is wrong with it.
    return { format };
  }
}

function ascii(b: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/**
 * Why a PNG or JPEG cannot be decoded safely, or undefined when its structure is sound.
 * Native decoders fill missing data with grey and report success, and some crash the
 * whole process on a damaged header, so the chunk and segment structure is walked here,
 * in plain code, before any decoder sees the bytes.
 */
export function structureProblem(bytes: Uint8Array, format: InputFormat): string | undefined {
  if (format === 'png') return pngProblem(bytes);
  if (format === 'jpeg') return jpegProblem(bytes);
  if (format === 'webp') return webpProblem(bytes);
  if (format === 'tiff') return tiffProblem(bytes);
  return undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngProblem(b: Uint8Array): string | undefined {
  if (!PNG_SIGNATURE.every((v, i) => b[i] === v)) return 'not a PNG signature';
  let o = 8;
  let first = true;
  let idat = false;
  while (o + 12 <= b.length) {
    const length = u32(b, o);
    const type = String.fromCharCode(b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!);
    if (o + 12 + length > b.length)
      return `the PNG is truncated (chunk ${type} runs past the end of the file)`;
    if (crc32(b, o + 4, o + 8 + length) !== u32(b, o + 8 + length))
      return `the PNG is corrupt (bad checksum in chunk ${type})`;
    if (first) {
      if (type !== 'IHDR' || length !== 13) return 'the PNG is corrupt (no image header)';
      const header = ihdrProblem(b.subarray(o + 8, o + 21));
      if (header) return header;
    }
    first = false;
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') return idat ? undefined : 'the PNG holds no image data';
    o += 12 + length;
  }
  return 'the PNG is truncated (no end chunk)';
}

/** Bit depths each PNG colour type allows (PNG spec, table 11.1). */
const PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function ihdrProblem(h: Uint8Array): string | undefined {
  const width = u32(h, 0);
  const height = u32(h, 4);
  if (width === 0 || height === 0) return `the PNG is corrupt (its header says ${width}×${height} pixels)`;
  if (width > 2 ** 31 - 1 || height > 2 ** 31 - 1) return 'the PNG is corrupt (impossible image size)';
  const depth = h[8]!;
  const colour = h[9]!;
  if (!PNG_DEPTHS[colour]?.includes(depth))
    return `the PNG is corrupt (bit depth ${depth} with colour type ${colour} does not exist)`;
  if (h[10] !== 0 || h[11] !== 0 || h[12]! > 1)
    return 'the PNG is corrupt (unknown compression, filter or interlace method)';
  return undefined;
}

/** RIFF chunks must fit the file, and some chunk must hold image data. */
function webpProblem(b: Uint8Array): string | undefined {
  if (b.length < 20) return 'the WebP is truncated';
  let o = 12;
  let image = false;
  while (o + 8 <= b.length) {
    const type = ascii(b, o, 4);
    const size = u32(b, o + 4, true);
    if (o + 8 + size > b.length)
      return `the WebP is truncated (chunk ${type.trim()} runs past the end of the file)`;
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') image = true;
    o += 8 + size + (size & 1);
  }
  return image ? undefined : 'the WebP holds no image data';
}

/** The longest IFD chain accepted: scans have a page per IFD, never thousands. */
const MAX_TIFF_PAGES = 10_000;

/**
 * The IFD chain must stay inside the file and never loop: a TIFF whose IFD points back to
 * itself sends decoders round forever.
 */
function tiffProblem(b: Uint8Array): string | undefined {
  const little = b[0] === 0x49;
  const seen = new Set<number>();
  let offset = u32(b, 4, little);
  if (offset === 0) return 'the TIFF holds no image (no directory)';
  while (offset !== 0) {
    if (seen.has(offset)) return 'the TIFF is corrupt (its directories form a loop)';
    if (seen.size >= MAX_TIFF_PAGES) return `the TIFF has more than ${MAX_TIFF_PAGES} directories`;
    seen.add(offset);
    if (offset < 8 || offset + 2 > b.length)
      return 'the TIFF is truncated (a directory lies past the end of the file)';
    const entries = u16(b, offset, little);
    const next = offset + 2 + entries * 12;
    if (next + 4 > b.length) return 'the TIFF is truncated (a directory runs past the end of the file)';
    offset = u32(b, next, little);
  }
  return undefined;
}

function jpegProblem(b: Uint8Array): string | undefined {
  let o = 2;
  let frame = false;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) return 'the JPEG is corrupt (bad segment marker)';
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      o += 2;
      continue;
    }
    const length = u16(b, o + 2);
    if (length < 2 || o + 2 + length > b.length)
      return 'the JPEG is truncated (a header segment runs past the end)';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8 || u16(b, o + 5) === 0 || u16(b, o + 7) === 0)
        return 'the JPEG is corrupt (bad frame header)';
      frame = true;
    }
    if (marker === 0xda) {
      if (!frame) return 'the JPEG is corrupt (image data before the frame header)';
      // Entropy-coded data follows; the file must still end with its end-of-image marker.
      const tail = b.subarray(Math.max(o, b.length - 64));
      for (let i = tail.length - 2; i >= 0; i--)
        if (tail[i] === 0xff && tail[i + 1] === 0xd9) return undefined;
      return 'the JPEG is truncated (no end-of-image marker)';
    }
    o += 2 + length;
  }
  return 'the JPEG is truncated (no image data)';
}

let crcTable: Uint32Array | undefined;
function crc32(b: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
