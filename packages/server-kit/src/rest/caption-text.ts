// Caption files in, WebVTT out: WebVTT or SRT text is parsed into cues and written again as plain
// WebVTT, so what is stored is always well-formed, with no STYLE/REGION/NOTE blocks and no byte the
// parser did not understand. Anything else is refused with a 4xx and a sentence saying why.
import { HttpError } from '../http/errors.js';

export const MAX_CAPTION_BYTES = 1024 * 1024;

interface Cue {
  id: string | null;
  start: number;
  end: number;
  settings: string;
  text: string;
}

const TIME = String.raw`(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})`;
const TIMING = new RegExp(String.raw`^${TIME}[ \t]+-->[ \t]+${TIME}(?:[ \t]+(.*))?$`);
// cue settings of WebVTT: vertical, line, position, size, align (values without markup)
const SETTING = /^(vertical|line|position|size|align|region):[\w.%,-]{1,32}$/;

const invalid = (message: string): HttpError => new HttpError(400, 'invalid-captions', message);

function seconds(parts: (string | undefined)[]): number {
  const [h, m, s, ms] = parts.map((p) => Number(p ?? 0)) as [number, number, number, number];
  return h * 3600 + m * 60 + s + ms / 1000;
}

function stamp(value: number): string {
  const ms = Math.round(value * 1000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** The bytes as text: UTF-8 without NUL bytes. */
export function captionText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(415, 'unsupported-type', 'A caption file must be WebVTT or SRT text in UTF-8.');
  }
  if (text.includes('\0')) {
    throw new HttpError(415, 'unsupported-type', 'A caption file must be WebVTT or SRT text in UTF-8.');
  }
  return text;
}

function parseBlock(lines: string[], blockLine: number): Cue | null {
  const at = lines.findIndex((line) => line.includes('-->'));
  if (at === -1) return null;
  if (at > 1) throw invalid(`Line ${blockLine}: a cue has more than one line before its timing.`);
  const match = TIMING.exec((lines[at] as string).trim());
  if (!match)
    throw invalid(`Line ${blockLine + at}: "${(lines[at] as string).slice(0, 60)}" is not a cue timing.`);
  const start = seconds(match.slice(1, 5));
  const end = seconds(match.slice(5, 9));
  if (end < start) throw invalid(`Line ${blockLine + at}: the cue ends before it starts.`);
  const settings = (match[9] ?? '')
    .split(/[ \t]+/)
    .filter((s) => SETTING.test(s))
    .join(' ');
  const id = at === 1 ? (lines[0] as string).trim() : null;
  const text = lines
    .slice(at + 1)
    .map((line) => line.replaceAll('-->', '→'))
    .join('\n');
  // an SRT counter is dropped; a WebVTT identifier is kept
  return { id: id && !/^\d+$/.test(id) ? id.replaceAll('-->', '→') : null, start, end, settings, text };
}

/** Runs of non-blank lines, each with the number of its first line (1-based). */
function blocksOf(text: string): { at: number; lines: string[] }[] {
  const blocks: { at: number; lines: string[] }[] = [];
  let current: { at: number; lines: string[] } | null = null;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') current = null;
    else if (current) current.lines.push(line);
    else {
      current = { at: i + 1, lines: [line] };
      blocks.push(current);
    }
  });
  return blocks;
}

/** WebVTT (a `WEBVTT` first line) or SRT text as WebVTT; refuses what has no valid cue. */
export function toWebVtt(raw: string): string {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const vtt = /^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(text);
  const blocks = blocksOf(text);
  if (vtt) blocks.shift(); // the header block
  const cues: Cue[] = [];
  for (const block of blocks) {
    if (vtt && /^(NOTE|STYLE|REGION)\b/.test(block.lines[0] as string)) continue;
    const cue = parseBlock(block.lines, block.at);
    if (cue) cues.push(cue);
    else if (!vtt) throw invalid(`Line ${block.at}: expected an SRT cue (number, timing, text).`);
  }
  if (cues.length === 0) throw invalid('The file has no caption cues: send WebVTT or SRT.');
  const body = cues.map((cue) => {
    const timing = `${stamp(cue.start)} --> ${stamp(cue.end)}${cue.settings ? ` ${cue.settings}` : ''}`;
    return [...(cue.id ? [cue.id] : []), timing, cue.text].join('\n').trimEnd();
  });
  return `WEBVTT\n\n${body.join('\n\n')}\n`;
}

/** A BCP 47 language tag in its canonical case (`en`, `fr-CA`, `zh-Hant`), or a 400. */
export function captionLanguage(raw: string | undefined): string {
  const value = raw ?? '';
  if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/.test(value)) {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // not a language tag
    }
  }
  throw new HttpError(400, 'invalid-language', 'The language must be a BCP 47 tag such as en, fr or pt-BR.');
}
