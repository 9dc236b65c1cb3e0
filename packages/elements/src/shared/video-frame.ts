// A poster frame of a video still uploading, drawn on a canvas in the browser (posters.ts loads this
// with the first video added; it imports nothing, so it is a small chunk of its own).

const POSTER_WIDTH = 320;

/** A JPEG object URL of a frame near the start of a video, or null when the browser cannot decode it. */
export async function videoFrame(file: Blob, atSeconds = 0.5, timeoutMs = 5000): Promise<string | null> {
  const source = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      video.addEventListener('loadeddata', () => {
        video.currentTime = Math.min(atSeconds, (video.duration || 1) / 2);
      });
      video.addEventListener('seeked', () => (clearTimeout(timer), resolve()), { once: true });
      video.addEventListener('error', () => (clearTimeout(timer), reject(new Error('decode'))), {
        once: true,
      });
      video.src = source;
    });
    const scale = Math.min(1, POSTER_WIDTH / (video.videoWidth || POSTER_WIDTH));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob ? URL.createObjectURL(blob) : null;
  } catch {
    return null;
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(source);
  }
}
