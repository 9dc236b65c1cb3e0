// Whether a sniffed MIME type is accepted by `limits.allowedTypes` (`*/*`, `video/*`, `image/png`).
export function typeAllowed(mimeType: string, allowed: readonly string[]): boolean {
  const [major] = mimeType.split('/', 1);
  return allowed.some((pattern) => pattern === '*/*' || pattern === mimeType || pattern === `${major}/*`);
}
