import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOperationId } from '@mediabay/core/protocol';
import { HttpError } from '../http/errors.js';
import { generatedName } from '../media/operation-ids.js';
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
      minted: false,
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
    ['a key with non-ASCII characters', `filé ${b64('a')},operationId ${b64(op)}`],
    ['too many keys', Array.from({ length: 17 }, (_, i) => `k${i} ${b64('v')}`).join(',')],
    ['a NUL in the name', `filename ${b64('a\0.txt')},operationId ${b64(op)}`],
    ['a name over 255 characters', `filename ${b64('x'.repeat(256))},operationId ${b64(op)}`],
    ['an operation id with a space', `filename ${b64('a')},operationId ${b64('op 1')}`],
    ['an operation id with a slash', `filename ${b64('a')},operationId ${b64('../x')}`],
    ['an empty operation id', `filename ${b64('a')},operationId`],
    ['an operation id of 129 characters', `filename ${b64('a')},operationId ${b64('x'.repeat(129))}`],
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

  it('mints an operation id in our format when none is sent, and generates a name', () => {
    const meta = validateUploadMetadata(parseMetadataHeader(undefined));
    assert.ok(isOperationId(meta.operationId), meta.operationId);
    assert.equal(meta.minted, true);
    assert.equal(meta.filename, generatedName(meta.operationId));
    assert.equal(meta.filetype, 'application/octet-stream');
  });

  it('accepts client-chosen ids (UUIDs, 128 characters of the allowed set)', () => {
    for (const id of ['0b6f5f7e-2f4e-4c55-9a8e-3d1c1f6c2a10', 'a', `Az09._:-${'x'.repeat(120)}`]) {
      const meta = validateUploadMetadata(parseMetadataHeader(`operationId ${b64(id)}`));
      assert.equal(meta.operationId, id);
      assert.equal(meta.minted, false);
    }
  });

  it("reads Uppy's name and type keys when filename and filetype are absent", () => {
    const meta = validateUploadMetadata(parseMetadataHeader(`name ${b64('a.png')},type ${b64('image/png')}`));
    assert.equal(meta.filename, 'a.png');
    assert.equal(meta.filetype, 'image/png');
  });

  it('gives every upload of one nameless operation the same generated name', () => {
    assert.equal(generatedName(op), generatedName(op));
    assert.notEqual(generatedName(op), generatedName(`${op}x`));
  });
});
