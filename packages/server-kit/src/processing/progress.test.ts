import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressReader } from './transcode.js';

describe('transcoding progress', () => {
  it('reports the share of the duration done, at most every 250 ms, with the time left', () => {
    let now = 1_000;
    const reports: [number, number | null][] = [];
    const read = progressReader(
      10_000,
      (percent, left) => reports.push([percent, left]),
      () => now,
    );
    const block = (us: number, state = 'continue'): void => {
      for (const line of ['frame=1', `out_time_us=${us}`, 'out_time=00:00:01.000000', `progress=${state}`])
        read(line);
    };
    now += 100;
    block(1_000_000); // 10 % after 0.1 s, too soon after the start
    now += 200;
    block(2_500_000); // 25 % after 0.3 s: 0.9 s to go
    now += 100;
    block(3_000_000); // too soon after the last one
    now += 300;
    block(3_000_000); // 30 % after 0.7 s: 1.6 s to go
    now += 300;
    block(5_000_000); // 50 % after 1 s
    now += 300;
    block(5_000_000); // the same percentage: nothing new to say
    read('out_time_us=N/A'); // what ffmpeg says before the first frame: ignored
    block(10_000_000, 'end');
    assert.deepEqual(reports, [
      [25, 1],
      [30, 2],
      [50, 1],
      [100, 0],
    ]);
  });

  it('says nothing when the duration is unknown', () => {
    const reports: number[] = [];
    const read = progressReader(null, (percent) => reports.push(percent));
    read('out_time_us=1000000');
    read('progress=end');
    assert.deepEqual(reports, []);
  });
});
