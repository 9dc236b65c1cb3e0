// Serves a directory read-only (the demo page, the elements bundle): no traversal, no listings,
// known content types only, nosniff. Files compressed at build time (`x.js.br`, `x.js.gz` beside
// `x.js`) are sent to clients that accept them; content-hashed names (`name-HASH.js`) are cached
// for good, every other file is revalidated by its ETag.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Maps a URL path below the mount to a file inside `root`, or undefined when it would leave it. */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const parts = decoded.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p === '.' || p.startsWith('.'))) return undefined; // dotfiles too
  const file = path.join(root, ...parts);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** A build's content hash in the name (esbuild's `[name]-[hash]`): the bytes behind it never change. */
const HASHED = /-[A-Z0-9]{8,}\.(?:m?js|css)$/i;
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings `accept-encoding` allows, by name (q=0 refuses one). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

/** The precompressed variant of `file` this request may take, if the build made one. */
async function variant(
  req: IncomingMessage,
  file: string,
): Promise<{ file: string; size: number; encoding?: string }> {
  if (COMPRESSIBLE.has(path.extname(file).toLowerCase())) {
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    for (const { name, suffix } of ENCODINGS) {
      if (!accepted.has(name)) continue;
      const stat = await fs.stat(file + suffix).catch(() => undefined);
      if (stat?.isFile()) return { file: file + suffix, size: stat.size, encoding: name };
    }
  }
  const stat = await fs.stat(file);
  return { file, size: stat.size };
}

/** Answers from `root`; resolves false when there is no such file (the caller sends its 404). */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
): Promise<boolean> {
  let file = resolveStatic(path.resolve(root), urlPath);
  if (!file) return false;
  let stat = await fs.stat(file).catch(() => undefined);
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.stat(file).catch(() => undefined);
  }
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!stat?.isFile() || !type) return false;
  const sent = await variant(req, file);
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${sent.encoding ? '-' + sent.encoding : ''}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  };
  if (COMPRESSIBLE.has(path.extname(file).toLowerCase())) headers.Vary = 'Accept-Encoding';
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
    res.writeHead(304, headers).end();
    return true;
  }
  if (sent.encoding) headers['Content-Encoding'] = sent.encoding;
  res.writeHead(200, { ...headers, 'Content-Length': sent.size });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await pipeline(createReadStream(sent.file), res).catch(() => res.destroy());
  return true;
}
