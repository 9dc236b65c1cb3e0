// Matching files against an `accept` list ("image/*", ".pdf", "video/mp4"), as <input accept> does.
// Used while dragging, when only MIME types are known, and on drop, where names are known too.

export function parseAccept(accept: string | undefined): string[] {
  return (accept ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

/** True when `accept` is empty or one pattern matches the MIME type or (if given) the name. */
export function matchesAccept(patterns: readonly string[], mimeType: string, name?: string): boolean {
  if (patterns.length === 0) return true;
  const mime = mimeType.toLowerCase();
  const lowerName = name?.toLowerCase();
  return patterns.some((pattern) => {
    if (pattern.startsWith('.')) return lowerName === undefined ? true : lowerName.endsWith(pattern);
    if (pattern.endsWith('/*')) return mime.startsWith(pattern.slice(0, -1));
    return mime === pattern;
  });
}
