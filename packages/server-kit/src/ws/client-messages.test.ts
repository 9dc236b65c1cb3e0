// What a client may send on the live channel: one well-formed `mute-progress`, nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseClientMessage } from './client-messages.js';

const text = (value: string) => Buffer.from(value);

describe('client messages on the live channel', () => {
  it('reads a mute-progress with an operation id a client may choose', () => {
    for (const operationId of ['media_upload_1796639096329_hm2vy5dbd2yuz2n', 'a', 'x.y:z-1_2']) {
      const message = { type: 'mute-progress', operationId };
      assert.deepEqual(parseClientMessage(text(JSON.stringify(message)), false), message);
    }
    // ws hands a fragmented message as its pieces
    const pieces = [text('{"type":"mute-'), text('progress","operationId":"op"}')];
    assert.deepEqual(parseClientMessage(pieces, false), { type: 'mute-progress', operationId: 'op' });
  });

  it('ignores binary frames, text that is not JSON, other types and ids no client could choose', () => {
    const refused: [data: Buffer, isBinary: boolean][] = [
      [text('{"type":"mute-progress","operationId":"op"}'), true],
      [text('not json'), false],
      [text('null'), false],
      [text('"mute-progress"'), false],
      [text('[{"type":"mute-progress","operationId":"op"}]'), false],
      [text('{"type":"unmute","operationId":"op"}'), false],
      [text('{"type":"mute-progress"}'), false],
      [text('{"type":"mute-progress","operationId":42}'), false],
      [text('{"type":"mute-progress","operationId":""}'), false],
      [text(`{"type":"mute-progress","operationId":"${'a'.repeat(129)}"}`), false],
      [text('{"type":"mute-progress","operationId":"../etc/passwd"}'), false],
      [text('{"type":"mute-progress","operationId":"a b"}'), false],
      [Buffer.from([0xff, 0xfe, 0x00]), false],
    ];
    for (const [data, isBinary] of refused)
      assert.equal(parseClientMessage(data, isBinary), null, data.toString());
  });
});
