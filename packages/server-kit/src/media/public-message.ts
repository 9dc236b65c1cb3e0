// Messages that leave the server (records, events, REST) never show where it keeps things:
// absolute paths (storage, temp copies, tools) are cut out of them, with the `: ` that follows one.
// an absolute path, also behind an ffmpeg protocol (`file:/srv/…`, `file:///srv/…`, `cache:file:/…`)
const POSIX_PATH = /(?:^|(?<=[\s'"(=]))(?:[a-z]{2,8}:)*(?:\/\/)?\/(?:[^\s'"():,]+\/)*[^\s'"():,]*(?::\s*)?/g;
const WINDOWS_PATH =
  /(?:^|(?<=[\s'"(=]))(?:[a-z]{2,8}:)*[A-Za-z]:\\(?:[^\s'"():,\\]+\\)*[^\s'"():,]*(?::\s*)?/g;

export function publicMessage(message: string): string {
  const cleaned = message
    .replace(WINDOWS_PATH, '')
    .replace(POSIX_PATH, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/:\s*$/, '.')
    .trim();
  return cleaned || 'The file could not be processed.';
}
