import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../http/errors.js';
import { parseMetadataHeader, validateUploadMetadata } from './metadata.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const op = 'media_upload_1764140000000_abcdefghijklmno';

describe('Upload-Metadata', () => {
  it('decodes pairs, including empty values and UTF-8 names', () => {
    const pairs = parseMetadataHeader(
      `filename ${b64('Ünïcode 🎬.mp4')},filetype ${b64('video/mp4')},operationId ${b64(op)},flag`,
    );
    assert.deepEqual(validateUploadMetadata(pairs), {
      filename: 'Ünïcode 🎬.mp4',
      filetype: 'video/mp4',
      operationId: op,
    });
    assert.equal(pairs.get('flag'), '');
  });

  it('defaults a missing filetype to application/octet-stream', () => {
    assert.equal(
      validateUploadMetadata(parseMetadataHeader(`filename ${b64('a')},operationId ${b64(op)}`)).filetype,
      'application/octet-stream',
    );
  });

  const refused: [string, string][] = [
    ['a repeated key', `filename ${b64('a')},filename ${b64('b')},operationId ${b64(op)}`],
    ['a key with spaces inside the value', `filename a b c,operationId ${b64(op)}`],
    ['a key with odd characters', `file<name> ${b64('a')},operationId ${b64(op)}`],
    ['too many keys', Array.from({ length: 17 }, (_, i) => `k${i} ${b64('v')}`).join(',')],
    ['a NUL in the name', `filename ${b64('a\0.txt')},operationId ${b64(op)}`],
    ['a name over 255 characters', `filename ${b64('x'.repeat(256))},operationId ${b64(op)}`],
    ['an operation id of another format', `filename ${b64('a')},operationId ${b64('op-1')}`],
  ];
  for (const [label, header] of refused) {
    it(`refuses ${label} with 400 invalid-metadata`, () => {
      assert.throws(
        () => validateUploadMetadata(parseMetadataHeader(header)),
        (error: unknown) =>
          error instanceof HttpError && error.status === 400 && error.code === 'invalid-metadata',
      );
    });
  }
});
