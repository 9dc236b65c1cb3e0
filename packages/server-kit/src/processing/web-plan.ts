// Decides whether browsers can play a probed file as uploaded, or need a web rendition: none (plays
// as it is), remux (codecs play, the container or its index layout does not) or transcode.
import type { ProbeResult } from './ffprobe.js';

export type WebPlan = 'none' | 'remux' | 'transcode';

const MP4_VIDEO = new Set(['h264', 'av1', 'vp9']);
const MP4_AUDIO = new Set(['aac', 'mp3', 'opus', 'flac']);
const WEBM_VIDEO = new Set(['vp8', 'vp9', 'av1']);
const WEBM_AUDIO = new Set(['opus', 'vorbis']);
// audio containers whose codecs every current browser decodes
const PLAYABLE_AUDIO: Record<string, Set<string>> = {
  'audio/mpeg': new Set(['mp3']),
  'audio/aac': new Set(['aac']),
  'audio/mp4': new Set(['aac', 'mp3', 'opus', 'flac']),
  'audio/ogg': new Set(['vorbis', 'opus', 'flac']),
  'audio/flac': new Set(['flac']),
  'audio/wav': new Set(['pcm_s16le', 'pcm_u8', 'pcm_s24le', 'pcm_f32le']),
};

const either = (codec: string | null, allowed: Set<string>): boolean => codec === null || allowed.has(codec);

function h264Plays(probe: ProbeResult): boolean {
  return probe.videoCodec === 'h264' && (probe.pixelFormat === 'yuv420p' || probe.pixelFormat === 'yuvj420p');
}

function videoPlan(mimeType: string, probe: ProbeResult, moov: 'start' | 'end' | null): WebPlan {
  if (mimeType === 'video/webm') {
    return WEBM_VIDEO.has(probe.videoCodec ?? '') && either(probe.audioCodec, WEBM_AUDIO)
      ? 'none'
      : 'transcode';
  }
  const codecsPlay =
    (probe.videoCodec === 'h264' ? h264Plays(probe) : MP4_VIDEO.has(probe.videoCodec ?? '')) &&
    either(probe.audioCodec, MP4_AUDIO);
  if (mimeType === 'video/mp4' && codecsPlay) return moov === 'start' ? 'none' : 'remux';
  // H.264/AAC in a QuickTime, Matroska, AVI or MPEG-TS box: the streams are fine, the box is not
  if (h264Plays(probe) && either(probe.audioCodec, new Set(['aac', 'mp3']))) return 'remux';
  return 'transcode';
}

export function planWebRendition(
  type: string,
  mimeType: string,
  probe: ProbeResult,
  moov: 'start' | 'end' | null,
): WebPlan {
  if (type === 'video' && probe.hasVideo) return videoPlan(mimeType, probe, moov);
  if (type === 'audio' && probe.hasAudio) {
    const plays = PLAYABLE_AUDIO[mimeType]?.has(probe.audioCodec ?? '') ?? false;
    return plays ? 'none' : 'transcode';
  }
  return 'none';
}
