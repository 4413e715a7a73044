export type InputFormat = 'png' | 'jpeg' | 'webp' | 'bmp' | 'tiff' | 'gif' | 'pdf';

export interface SniffResult {
  format: InputFormat;
  /** Pixel size from the header, when the format has one we can read cheaply. */
  width?: number;
  height?: number;
}

/**
 * Recognise an input by its magic bytes, never by its name, and read the image size
 * from the header so oversized images are refused before anything is decoded.
 */
export function sniffInput(bytes: Uint8Array): SniffResult | undefined {
  const b = bytes;
  const u16be = (o: number) => (b[o]! << 8) | b[o + 1]!;
  const u32be = (o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  const u16le = (o: number) => b[o]! | (b[o + 1]! << 8);
  const u32le = (o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
  if (b.length < 8) return undefined;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return b.length >= 24 ? { format: 'png', width: u32be(16), height: u32be(20) } : { format: 'png' };
  }
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { format: 'jpeg', ...jpegSize(b, u16be) };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return { format: 'webp', ...webpSize(b, u16le) };
  if (b[0] === 0x42 && b[1] === 0x4d && b.length >= 26) {
    return { format: 'bmp', width: Math.abs(u32le(18) | 0), height: Math.abs(u32le(22) | 0) };
  }
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 42) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 42)) {
    return { format: 'tiff' };
  }
  if (ascii(b, 0, 4) === 'GIF8') return { format: 'gif', width: u16le(6), height: u16le(8) };
  // PDF headers may follow some junk; the spec allows it within the first 1024 bytes.
  if (ascii(b, 0, Math.min(1024, b.length)).includes('%PDF-')) return { format: 'pdf' };
  return undefined;
}

function ascii(b: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function jpegSize(b: Uint8Array, u16be: (o: number) => number): { width?: number; height?: number } {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return {};
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(o + 5), width: u16be(o + 7) };
    }
    o += 2 + u16be(o + 2);
  }
  return {};
}

function webpSize(b: Uint8Array, u16le: (o: number) => number): { width?: number; height?: number } {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    return {
      width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)),
      height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)),
    };
  }
  return {};
}

/**
 * Whether a PNG or JPEG stops before its end marker. Decoders fill the missing part with
 * grey and report success, which would turn a broken download into a silently half-read page.
 */
export function isTruncated(bytes: Uint8Array, format: InputFormat): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  if (format === 'jpeg') {
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return false;
    return true;
  }
  if (format === 'png') {
    for (let i = tail.length - 4; i >= 0; i--) {
      if (tail[i] === 0x49 && tail[i + 1] === 0x45 && tail[i + 2] === 0x4e && tail[i + 3] === 0x44) return false;
    }
    return true;
  }
  return false;
}
