// Decides a file's type from its first bytes, never from the client's claim. Returns the MIME type
// and, for media, the ffmpeg demuxer to force so a crafted file cannot choose a surprising one.
import type { MediaType } from '@mediabay/core/protocol';

export interface Sniffed {
  mimeType: string;
  type: MediaType;
  /** ffmpeg `-f` value for media files */
  demuxer?: string;
}

export const SNIFF_BYTES = 4100;

const ascii = (bytes: Buffer, start: number, end: number): string =>
  bytes.subarray(start, end).toString('latin1');
const startsWith = (bytes: Buffer, sig: number[], at = 0): boolean =>
  sig.every((b, i) => bytes[at + i] === b);

function isoMedia(bytes: Buffer): Sniffed | undefined {
  if (ascii(bytes, 4, 8) !== 'ftyp') return undefined;
  const brand = ascii(bytes, 8, 12);
  if (brand === 'avif' || brand === 'avis') return { mimeType: 'image/avif', type: 'image' };
  if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return { mimeType: 'image/heic', type: 'image' };
  if (brand === 'M4A ' || brand === 'M4B ') return { mimeType: 'audio/mp4', type: 'audio', demuxer: 'mov' };
  if (brand === 'qt  ') return { mimeType: 'video/quicktime', type: 'video', demuxer: 'mov' };
  return { mimeType: 'video/mp4', type: 'video', demuxer: 'mov' };
}

function riff(bytes: Buffer): Sniffed | undefined {
  if (ascii(bytes, 0, 4) !== 'RIFF') return undefined;
  const kind = ascii(bytes, 8, 12);
  if (kind === 'WEBP') return { mimeType: 'image/webp', type: 'image', demuxer: 'webp_pipe' };
  if (kind === 'WAVE') return { mimeType: 'audio/wav', type: 'audio', demuxer: 'wav' };
  if (kind === 'AVI ') return { mimeType: 'video/x-msvideo', type: 'video', demuxer: 'avi' };
  return undefined;
}

function ogg(bytes: Buffer): Sniffed | undefined {
  if (ascii(bytes, 0, 4) !== 'OggS') return undefined;
  const head = ascii(bytes, 0, Math.min(bytes.length, 512));
  if (head.includes('theora')) return { mimeType: 'video/ogg', type: 'video', demuxer: 'ogg' };
  return { mimeType: 'audio/ogg', type: 'audio', demuxer: 'ogg' };
}

function matroska(bytes: Buffer): Sniffed | undefined {
  if (!startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return undefined;
  const webm = ascii(bytes, 0, Math.min(bytes.length, 64)).includes('webm');
  return { mimeType: webm ? 'video/webm' : 'video/x-matroska', type: 'video', demuxer: 'matroska' };
}

function image(bytes: Buffer): Sniffed | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mimeType: 'image/png', type: 'image', demuxer: 'png_pipe' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { mimeType: 'image/jpeg', type: 'image', demuxer: 'jpeg_pipe' };
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return { mimeType: 'image/gif', type: 'image', demuxer: 'gif' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 14)
    return { mimeType: 'image/bmp', type: 'image', demuxer: 'bmp_pipe' };
  return undefined;
}

function audio(bytes: Buffer): Sniffed | undefined {
  if (ascii(bytes, 0, 4) === 'fLaC') return { mimeType: 'audio/flac', type: 'audio', demuxer: 'flac' };
  if (ascii(bytes, 0, 3) === 'ID3') return { mimeType: 'audio/mpeg', type: 'audio', demuxer: 'mp3' };
  const b0 = bytes[0] ?? 0;
  const b1 = bytes[1] ?? 0;
  if (b0 === 0xff && (b1 & 0xf6) === 0xf0) return { mimeType: 'audio/aac', type: 'audio', demuxer: 'aac' };
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0) return { mimeType: 'audio/mpeg', type: 'audio', demuxer: 'mp3' };
  return undefined;
}

/** Containers browsers do not play, which processing turns into a web rendition. */
function legacyMedia(bytes: Buffer): Sniffed | undefined {
  const form = ascii(bytes, 8, 12);
  if (ascii(bytes, 0, 4) === 'FORM' && (form === 'AIFF' || form === 'AIFC'))
    return { mimeType: 'audio/aiff', type: 'audio', demuxer: 'aiff' };
  if (ascii(bytes, 0, 6) === '#!AMR\n') return { mimeType: 'audio/amr', type: 'audio', demuxer: 'amr' };
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) {
    // ASF: Windows Media; audio-only when no video stream GUID shows in the header
    const video = bytes.includes(Buffer.from([0xc0, 0xef, 0x19, 0xbc, 0x4d, 0x5b, 0xcf, 0x11]));
    return video
      ? { mimeType: 'video/x-ms-wmv', type: 'video', demuxer: 'asf' }
      : { mimeType: 'audio/x-ms-wma', type: 'audio', demuxer: 'asf' };
  }
  if (ascii(bytes, 0, 3) === 'FLV' && bytes[3] === 1)
    return { mimeType: 'video/x-flv', type: 'video', demuxer: 'flv' };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba]))
    return { mimeType: 'video/mpeg', type: 'video', demuxer: 'mpeg' };
  return undefined;
}

const TS_PACKET = 188;

/** MPEG-TS: a sync byte (0x47) at the start of every 188-byte packet the head holds (at least 3),
 * and packets that are not one repeated byte (a file of "G"s is no stream) */
function mpegTs(bytes: Buffer): Sniffed | undefined {
  const packets = Math.floor(bytes.length / TS_PACKET);
  if (packets < 3) return undefined;
  for (let at = 0; at < packets * TS_PACKET; at += TS_PACKET) if (bytes[at] !== 0x47) return undefined;
  const first = bytes.subarray(0, TS_PACKET);
  if (first.every((byte) => byte === 0x47)) return undefined;
  return { mimeType: 'video/mp2t', type: 'video', demuxer: 'mpegts' };
}

function documentLike(bytes: Buffer): Sniffed | undefined {
  if (ascii(bytes, 0, 5) === '%PDF-') return { mimeType: 'application/pdf', type: 'document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = ascii(bytes, 0, bytes.length);
    if (head.includes('word/'))
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        type: 'document',
      };
    if (head.includes('xl/'))
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        type: 'document',
      };
    if (head.includes('ppt/'))
      return {
        mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        type: 'document',
      };
    return { mimeType: 'application/zip', type: 'other' };
  }
  return undefined;
}

/** WHATWG MIME Sniffing's binary data bytes: control characters no text file holds */
const isBinaryByte = (byte: number): boolean =>
  byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);

/** Markup is never an image or a page we render: SVG and HTML stay opaque downloads. */
function text(bytes: Buffer): Sniffed | undefined {
  if (bytes.some(isBinaryByte)) return undefined;
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if ((decoded.match(/\ufffd/g)?.length ?? 0) > 2) return undefined; // a cut multi-byte char at the end is fine
  const head = decoded.trimStart().slice(0, 512).toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg|<svg)/.test(head))
    return { mimeType: 'image/svg+xml', type: 'other' };
  if (/^(<!doctype html|<html|<head|<body|<script|<iframe)/.test(head))
    return { mimeType: 'text/html', type: 'other' };
  return { mimeType: 'text/plain', type: 'document' };
}

const SNIFFERS = [isoMedia, riff, ogg, matroska, image, legacyMedia, audio, mpegTs, documentLike, text];

/**
 * `claimed` only refines a plain-text result (text/csv, text/markdown...), the one case where bytes
 * cannot tell the difference and the claim is harmless.
 */
export function sniff(head: Buffer, claimed = ''): Sniffed {
  for (const sniffer of SNIFFERS) {
    const found = sniffer(head);
    if (!found) continue;
    if (
      found.mimeType === 'text/plain' &&
      /^text\/(csv|markdown|x-markdown|tab-separated-values|vtt|plain)$/.test(claimed)
    ) {
      return { ...found, mimeType: claimed };
    }
    return found;
  }
  return { mimeType: 'application/octet-stream', type: 'other' };
}
