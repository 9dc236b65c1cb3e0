import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes } from './format-bytes.js';
import { fileKey, matchesAccept, runValidators, validateFiles } from './validation.js';

const file = (name: string, size = 100, type = '', lastModified = 1) =>
  new File([new Uint8Array(size)], name, { type, lastModified });

test('accept patterns', () => {
  const table: [name: string, type: string, accept: string[] | undefined, want: boolean][] = [
    ['a.mp4', 'video/mp4', undefined, true],
    ['a.mp4', 'video/mp4', [], true],
    ['a.mp4', 'video/mp4', ['video/*'], true],
    ['a.mp4', 'video/mp4', ['image/*'], false],
    ['a.MP4', '', ['.mp4'], true],
    ['a.pdf', 'application/pdf', ['application/pdf'], true],
    ['a.pdf', 'application/pdf', ['APPLICATION/PDF'], true],
    ['a.png', 'image/png', ['video/*', ' .png '], true],
    ['a.txt', 'text/plain', ['*/*'], true],
    ['mp4', '', ['.mp4'], false],
  ];
  for (const [name, type, accept, want] of table)
    assert.equal(matchesAccept({ name, type }, accept), want, `${name} ${accept}`);
  // while dragging only MIME types are known: an extension pattern cannot refuse yet, a MIME one can
  assert.equal(matchesAccept({ type: 'application/pdf' }, ['.pdf']), true);
  assert.equal(matchesAccept({ type: 'text/plain' }, ['image/*']), false);
});

test('formatBytes: 1024 per unit, fewer decimals as the number grows, the locale digits', () => {
  const table: [number, string][] = [
    [0, '0 B'],
    [1023, '1,023 B'],
    [1536, '1.5 KB'],
    [2.345 * 1024 * 1024, '2.35 MB'],
    [150.4 * 1024 ** 3, '150 GB'],
    [-1, ''],
    [Number.NaN, ''],
  ];
  for (const [bytes, want] of table) assert.equal(formatBytes(bytes), want, String(bytes));
  assert.equal(formatBytes(1536, 'de'), '1,5 KB');
});

test('each rule rejects with its code and a readable message', () => {
  const already = file('dup.mp4', 10, 'video/mp4');
  const { accepted, rejected } = validateFiles(
    [
      file('ok.mp4', 500, 'video/mp4'),
      file('doc.pdf', 500, 'application/pdf'),
      file('big.mp4', 5000, 'video/mp4'),
      file('tiny.mp4', 1, 'video/mp4'),
      file('dup.mp4', 10, 'video/mp4'),
      file('twice.mp4', 50, 'video/mp4'),
      file('twice.mp4', 50, 'video/mp4'),
      file('third.mp4', 50, 'video/mp4'),
    ],
    { accept: ['video/*'], maxSize: 1024, minSize: 5, maxFiles: 3 },
    new Set([fileKey(already)]),
  );
  assert.deepEqual(
    accepted.map((f) => f.name),
    ['ok.mp4', 'twice.mp4', 'third.mp4'],
  );
  assert.deepEqual(
    rejected.map((r) => [r.file.name, r.code]),
    [
      ['doc.pdf', 'file-type'],
      ['big.mp4', 'file-too-large'],
      ['tiny.mp4', 'file-too-small'],
      ['dup.mp4', 'duplicate'],
      ['twice.mp4', 'duplicate'],
    ],
  );
  assert.match(rejected[1]!.message, /big\.mp4 is larger than 1 KB/);
});

test('maxFiles counts files already queued', () => {
  const { accepted, rejected } = validateFiles([file('a'), file('b')], { maxFiles: 3 }, new Set(), 2);
  assert.deepEqual([accepted.length, rejected[0]?.code], [1, 'too-many-files']);
});

test('same name and size but another lastModified is not a duplicate', () => {
  const { accepted } = validateFiles([file('a', 10, '', 1), file('a', 10, '', 2)]);
  assert.equal(accepted.length, 2);
});

test('custom async validators: first message wins, a throw rejects', async () => {
  const f = file('a.mp4');
  assert.equal(await runValidators(f, [async () => null]), null);
  const rejection = await runValidators(f, [async () => null, async () => 'No cats.', async () => 'second']);
  assert.deepEqual([rejection?.code, rejection?.message], ['custom', 'No cats.']);
  const thrown = await runValidators(f, [
    async () => {
      throw new Error('checker down');
    },
  ]);
  assert.equal(thrown?.message, 'checker down');
});
