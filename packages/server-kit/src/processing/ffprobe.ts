// Reads duration and dimensions with ffprobe: no shell, local files only, bounded in time and output.
import { execFile } from 'node:child_process';

export interface ProbeResult {
  durationMs: number | null;
  width: number | null;
  height: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
  formatName: string;
}

interface FfprobeJson {
  format?: { duration?: string; format_name?: string };
  streams?: { codec_type?: string; width?: number; height?: number; duration?: string }[];
}

export function runFile(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const reason = error.killed
            ? `${command} timed out after ${timeoutMs} ms`
            : stderr.trim().split('\n').pop();
          reject(new Error(reason || error.message));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/** `inputFormat` forces the demuxer (from the sniffed type) so a file cannot pick a surprising one. */
export async function ffprobe(file: string, timeoutMs: number, inputFormat?: string): Promise<ProbeResult> {
  const args = [
    '-v',
    'error',
    '-protocol_whitelist',
    'file',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
  ];
  if (inputFormat) args.push('-f', inputFormat);
  args.push('-i', `file:${file}`);
  const parsed = JSON.parse(await runFile('ffprobe', args, timeoutMs)) as FfprobeJson;
  const streams = parsed.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  const duration = Number(parsed.format?.duration ?? streams.find((s) => s.duration)?.duration);
  return {
    durationMs: Number.isFinite(duration) && duration > 0 ? Math.round(duration * 1000) : null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    hasVideo: Boolean(video),
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    formatName: parsed.format?.format_name ?? '',
  };
}
