import { expect } from '@open-wc/testing';
import { pngFile, until } from '../test-support/fixtures.js';
import { makePoster, posterStore } from './posters.js';
import { videoFrame } from './video-frame.js';

/** A short real WebM recorded from a canvas, so the browser has a video to decode. */
async function recordVideo(ms = 600): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 90;
  const context = canvas.getContext('2d')!;
  const stream = canvas.captureStream(25);
  const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start(100);
  const start = performance.now();
  while (performance.now() - start < ms) {
    context.fillStyle = `hsl(${(performance.now() - start) / 3}, 80%, 50%)`;
    context.fillRect(0, 0, 160, 90);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  recorder.stop();
  await stopped;
  return new File(chunks, 'clip.webm', { type: 'video/webm' });
}

async function imageSize(url: string): Promise<[number, number]> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return [image.naturalWidth, image.naturalHeight];
}

describe('posters', () => {
  it('draws a frame of a video into a JPEG', async () => {
    const url = await videoFrame(await recordVideo());
    expect(url).to.match(/^blob:/);
    expect(await imageSize(url!)).to.deep.equal([160, 90]);
  });

  it('gives null for bytes that are not a video', async () => {
    expect(await videoFrame(new Blob(['not a video'], { type: 'video/mp4' }), 0.5, 3000)).to.equal(null);
  });

  it('publishes a poster per operation ID, images as they are', async () => {
    const seen: number[] = [];
    const stop = posterStore.listen((posters) => seen.push(posters.size));
    try {
      makePoster('op-image', await pngFile('a.png'));
      expect(posterStore.get().get('op-image')).to.match(/^blob:/);
      makePoster('op-video', await recordVideo(400));
      await until(() => posterStore.get().get('op-video'), 'video poster');
      makePoster('op-doc', new File(['%PDF'], 'a.pdf', { type: 'application/pdf' }));
      expect(posterStore.get().has('op-doc')).to.equal(false);
      expect(seen.length).to.equal(2);
    } finally {
      stop();
    }
  });
});
