// Where an MP4/QuickTime file keeps its index: a `moov` box after `mdat` makes a browser fetch the
// end of the file before it can play (no progressive start); such a file is remuxed with faststart.
import fs from 'node:fs/promises';

const MAX_BOXES = 1000;

/** 'start' when `moov` comes before `mdat`, 'end' when after, null when either is missing. */
export async function moovPosition(file: string): Promise<'start' | 'end' | null> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    let at = 0;
    for (let i = 0; i < MAX_BOXES && at + 8 <= size; i++) {
      const { bytesRead } = await handle.read(header, 0, 16, at);
      if (bytesRead < 8) return null;
      const type = header.toString('latin1', 4, 8);
      if (type === 'moov') return 'start';
      if (type === 'mdat') return 'end';
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 1 && bytesRead >= 16) boxSize = Number(header.readBigUInt64BE(8));
      if (boxSize < 8) return null; // 0: runs to the end of the file, without a moov before it
      at += boxSize;
    }
    return null;
  } finally {
    await handle.close();
  }
}
