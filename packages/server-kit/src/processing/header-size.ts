// Reads an image's declared size from its first bytes, before any decoder sees it, so a file that
// declares 16000x16000 in 35 bytes is refused without allocating a single frame.
import fs from 'node:fs/promises';

export interface DeclaredSize {
  width: number;
  height: number;
}

/** How much of a file is read for its declared size (a JPEG's EXIF may put the frame header far in). */
export const DEFAULT_MAX_PIXELS = 50_000_000;

export const HEADER_BYTES = 256 * 1024;

const png = (b: Buffer): DeclaredSize | undefined =>
  b.length >= 24 && b.toString('latin1', 12, 16) === 'IHDR'
    ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
    : undefined;

/** Skips a run of GIF sub-blocks starting at `at`; returns the offset after the terminator. */
const skipSubBlocks = (b: Buffer, at: number): number => {
  while (at < b.length && b[at] !== 0) at += 1 + (b[at] as number);
  return at + 1;
};

const gif = (b: Buffer): DeclaredSize | undefined => {
  if (b.length < 13) return undefined;
  const screen = { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  const flags = b[10] as number;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  // the first image descriptor counts too: a frame may reach beyond the logical screen
  while (at < b.length && b[at] === 0x21) at = skipSubBlocks(b, at + 2);
  if (b[at] !== 0x2c || at + 9 >= b.length) return screen;
  const width = Math.max(screen.width, b.readUInt16LE(at + 1) + b.readUInt16LE(at + 5));
  const height = Math.max(screen.height, b.readUInt16LE(at + 3) + b.readUInt16LE(at + 7));
  return { width, height };
};

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

const jpeg = (b: Buffer): DeclaredSize | undefined => {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (SOF.has(marker)) return { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) };
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    at += 2 + b.readUInt16BE(at + 2);
  }
  return undefined;
};

const bmp = (b: Buffer): DeclaredSize | undefined =>
  b.length >= 26 ? { width: Math.abs(b.readInt32LE(18)), height: Math.abs(b.readInt32LE(22)) } : undefined;

const webp = (b: Buffer): DeclaredSize | undefined => {
  if (b.length < 30) return undefined;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
};

const READERS: Record<string, (b: Buffer) => DeclaredSize | undefined> = {
  'image/png': png,
  'image/gif': gif,
  'image/jpeg': jpeg,
  'image/bmp': bmp,
  'image/webp': webp,
};

/** The size the header declares, or undefined when the type has no reader or the header is cut. */
export function declaredSize(head: Buffer, mimeType: string): DeclaredSize | undefined {
  return READERS[mimeType]?.(head);
}

export async function readDeclaredSize(file: string, mimeType: string): Promise<DeclaredSize | undefined> {
  if (!READERS[mimeType]) return undefined;
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    return declaredSize(head.subarray(0, bytesRead), mimeType);
  } finally {
    await handle.close();
  }
}

export function overBudget(size: DeclaredSize, maxPixels: number): boolean {
  return size.width * size.height > maxPixels;
}

const megapixels = (pixels: number): string => `${Math.round(pixels / 1e6)} MP`;

export function pixelBudgetMessage(kind: string, size: DeclaredSize, maxPixels: number): string {
  return (
    `The ${kind} is ${size.width}x${size.height} pixels (${megapixels(size.width * size.height)}); ` +
    `this server processes ${kind}s up to ${megapixels(maxPixels)}.`
  );
}
