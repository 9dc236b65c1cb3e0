// An `accept` attribute ("image/*, .pdf, video/mp4") as the list of patterns core's matchesAccept and
// Restrictions.accept take (matching is core's: while dragging only MIME types are known).

export function parseAccept(accept: string | undefined): string[] {
  return (accept ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}
