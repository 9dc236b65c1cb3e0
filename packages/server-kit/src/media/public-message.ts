// Messages that leave the server (records, events, REST) never show where it keeps things:
// absolute paths (storage, temp copies, tools) are cut out of them, with the `: ` that follows one.
const POSIX_PATH = /(?:^|(?<=[\s'"(=]))\/(?:[^\s'"():,]+\/)*[^\s'"():,]*(?::\s*)?/g;
const WINDOWS_PATH = /(?:^|(?<=[\s'"(=]))[A-Za-z]:\\(?:[^\s'"():,\\]+\\)*[^\s'"():,]*(?::\s*)?/g;
const FILE_URL = /file:\/\/\S+/g;

export function publicMessage(message: string): string {
  const cleaned = message
    .replace(FILE_URL, '')
    .replace(WINDOWS_PATH, '')
    .replace(POSIX_PATH, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/:\s*$/, '.')
    .trim();
  return cleaned || 'The file could not be processed.';
}
