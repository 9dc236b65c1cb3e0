import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './failure-classes.js';
import { decide, parseRetryAfter, type RetryContext } from './retry-policy.js';
import { httpError, networkError } from '../transports/transport.js';

const now = Date.parse('2026-12-07T10:00:00Z');
const context = (over: Partial<RetryContext> = {}): RetryContext => ({
  attempt: 0,
  retries: 3,
  offline: false,
  now,
  random: () => 0,
  ...over,
});
const json = (code: string, message: string) => JSON.stringify({ error: { code, message } });

test('every status has its class', () => {
  const table: [number, string][] = [
    [0, 'unreachable'],
    [502, 'unreachable'],
    [504, 'unreachable'],
    [503, 'server-busy'],
    [429, 'rate-limited'],
    [408, 'transient'],
    [409, 'transient'],
    [423, 'transient'],
    [500, 'transient'],
    [507, 'transient'],
    [400, 'final'],
    [401, 'final'],
    [403, 'final'],
    [404, 'final'],
    [413, 'final'],
    [415, 'final'],
    [460, 'final'],
  ];
  for (const [status, kind] of table) assert.equal(classify(status), kind, String(status));
});

test('Retry-After in seconds or as an HTTP date, bounded', () => {
  const table: [string | null, number | null][] = [
    ['5', 5000],
    ['0', 0],
    [' 12 ', 12_000],
    [new Date(now + 7000).toUTCString(), 7000],
    [new Date(now - 7000).toUTCString(), 0],
    ['999999', 600_000],
    ['soon', null],
    ['', null],
    [null, null],
    ['-3', null],
  ];
  for (const [value, ms] of table) assert.equal(parseRetryAfter(value, now), ms, String(value));
});

test('what each failure leads to', () => {
  const table: [string, ReturnType<typeof httpError>, Partial<RetryContext>, unknown][] = [
    ['no answer', networkError(), {}, { kind: 'wait-connection', reason: 'unreachable' }],
    ['no answer, offline', networkError(), { offline: true }, { kind: 'wait-connection', reason: 'offline' }],
    [
      'no answer, 50th time',
      networkError(),
      { attempt: 50 },
      { kind: 'wait-connection', reason: 'unreachable' },
    ],
    [
      'a gateway',
      httpError(502, '<html>Bad gateway</html>'),
      {},
      { kind: 'wait-connection', reason: 'unreachable' },
    ],
    [
      '429 with seconds',
      httpError(429, '', '3'),
      { attempt: 20 },
      { kind: 'retry', delayMs: 3000, reason: 'rate-limited' },
    ],
    [
      '429 without',
      httpError(429, ''),
      { attempt: 2 },
      { kind: 'retry', delayMs: 2000, reason: 'rate-limited' },
    ],
    [
      '503 with a date',
      httpError(503, '', new Date(now + 4000).toUTCString()),
      { attempt: 9 },
      { kind: 'retry', delayMs: 4000, reason: 'server-busy' },
    ],
    [
      '500, first',
      httpError(500, json('boom', 'at /srv/x.js:1')),
      {},
      { kind: 'retry', delayMs: 500, reason: null },
    ],
    [
      'tus 409',
      httpError(409, json('offset-mismatch', 'Offset differs.')),
      { attempt: 1 },
      { kind: 'retry', delayMs: 1000, reason: null },
    ],
    ['423', httpError(423, ''), { attempt: 2 }, { kind: 'retry', delayMs: 2000, reason: null }],
    [
      "409 operation-conflict: the id is another upload's, nothing was stored; trying again cannot help",
      httpError(409, json('operation-conflict', 'This operation ID belongs to another upload.')),
      { attempt: 0 },
      {
        kind: 'fail',
        error: {
          code: 'operation-conflict',
          message: 'This operation ID belongs to another upload.',
          retryable: false,
          fromServer: true,
        },
      },
    ],
    ['408 offline', httpError(408, ''), { offline: true }, { kind: 'wait-connection', reason: 'offline' }],
  ];
  for (const [what, error, over, expected] of table)
    assert.deepEqual(decide(error, context(over)), expected, what);
});

test('no answer although the server answers its probe, round after round: failed (retryable), not forever', () => {
  assert.deepEqual(decide(networkError(), context({ unansweredAfterProbe: 4 })), {
    kind: 'wait-connection',
    reason: 'unreachable',
  });
  assert.deepEqual(decide(networkError(), context({ unansweredAfterProbe: 5 })), {
    kind: 'fail',
    error: { code: 'network', message: 'The connection to the server was lost.', retryable: true },
  });
});

test('final failures carry a code and a human sentence, the server message only for its 4xx', () => {
  const table: [string, ReturnType<typeof httpError>, unknown][] = [
    [
      '413 with a message',
      httpError(413, json('file-too-large', 'Files may be 10 MB at most.')),
      { code: 'file-too-large', message: 'Files may be 10 MB at most.', retryable: false, fromServer: true },
    ],
    [
      '403 without a body',
      httpError(403, ''),
      { code: 'forbidden', message: 'You may not upload files here.', retryable: false },
    ],
    [
      '400 with an HTML page',
      httpError(400, '<html><body>Bad</body></html>'),
      { code: 'rejected', message: 'The server refused the file.', retryable: false },
    ],
    [
      '500 after the last try, with internals in its message',
      httpError(500, json('internal', 'ENOENT /srv/data/x')),
      { code: 'internal', message: 'The upload failed.', retryable: true },
    ],
    [
      '507 after the last try',
      httpError(507, ''),
      {
        code: 'insufficient-storage',
        message: 'The server has no room left for the file.',
        retryable: true,
      },
    ],
  ];
  for (const [what, error, expected] of table) {
    const decision = decide(error, context({ attempt: 3 }));
    assert.deepEqual(decision, { kind: 'fail', error: expected }, what);
  }
});

test('many uploads told the same Retry-After come back spread over a second, not at once', () => {
  const delays = [0, 0.5, 0.999].map(
    (r) => (decide(httpError(429, '', '10'), context({ random: () => r })) as { delayMs: number }).delayMs,
  );
  assert.deepEqual(delays, [10_000, 10_500, 10_999]);
});
