// Reads duration, dimensions and codecs with ffprobe: no shell, local files only, forced demuxer,
// bounded in memory, time, pixels and output (see child.ts).
export interface ProbeResult {
  durationMs: number | null;
  width: number | null;
  height: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
  formatName: string;
  /** codec names of the first video and audio streams (`h264`, `hevc`, `aac`...) */
  videoCodec: string | null;
  audioCodec: string | null;
  /** pixel format of the first video stream (`yuv420p`...) */
  pixelFormat: string | null;
}

/**
 * Runs one tool (ffprobe or ffmpeg) within the processing budgets, resolving with its stdout.
 * `threads` is one job's share of the cores (decoder and encoder threads); 2 when not set.
 */
export type RunTool = ((
  command: 'ffprobe' | 'ffmpeg',
  args: string[],
  options?: { onLine?: (line: string) => void; timeoutMs?: number },
) => Promise<string>) & { threads?: number };

/** The threads one ffmpeg of a job may use: 1 to 4 (more threads hold more frames in memory). */
export const threadsOf = (run: RunTool): number => Math.min(4, Math.max(1, Math.floor(run.threads ?? 2)));

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
}

interface FfprobeJson {
  format?: { duration?: string; format_name?: string };
  streams?: FfprobeStream[];
}

/** `inputFormat` forces the demuxer (from the sniffed type) so a file cannot pick a surprising one. */
export async function ffprobe(
  run: RunTool,
  file: string,
  inputFormat: string | undefined,
  maxPixels: number,
): Promise<ProbeResult> {
  const args = ['-v', 'error', '-protocol_whitelist', 'file', '-max_pixels', String(maxPixels)];
  args.push('-print_format', 'json', '-show_format', '-show_streams');
  if (inputFormat) args.push('-f', inputFormat);
  args.push('-i', `file:${file}`);
  const parsed = JSON.parse(await run('ffprobe', args)) as FfprobeJson;
  const streams = parsed.streams ?? [];
  const video = streams.find(
    (s) => s.codec_type === 'video' && s.width && s.height && !s.disposition?.attached_pic,
  );
  const audio = streams.find((s) => s.codec_type === 'audio');
  const duration = Number(parsed.format?.duration ?? streams.find((s) => s.duration)?.duration);
  return {
    durationMs: Number.isFinite(duration) && duration > 0 ? Math.round(duration * 1000) : null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    hasVideo: Boolean(video),
    hasAudio: Boolean(audio),
    formatName: parsed.format?.format_name ?? '',
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    pixelFormat: video?.pix_fmt ?? null,
  };
}
