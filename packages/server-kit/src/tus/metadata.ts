// Parses and checks the tus `Upload-Metadata` header before tus sees it, so a bad header is a clear
// 400 with the wire error body and nothing is stored. Format: `key base64value,key base64value`.
// Every key is optional, so stock tus clients upload: a missing operationId is minted, a missing
// filename generated (Uppy's `name`/`type` are read when `filename`/`filetype` are absent).
import { TUS_METADATA } from '@mediabay/core/protocol';
import { HttpError } from '../http/errors.js';
import { stripBidiControls } from '../media/names.js';
import { generatedName, isClientOperationId, mintOperationId } from '../media/operation-ids.js';
import { replaceRequest, type ReplaceRequest } from '../media/replace.js';

export interface UploadMetadata {
  filename: string;
  filetype: string;
  operationId: string;
  /** the server made the operation id (the client sent none) */
  minted: boolean;
  /** `replaceFileId`: the upload replaces that file's bytes */
  replace?: ReplaceRequest;
}

const MAX_HEADER_LENGTH = 4096;
const MAX_PAIRS = 16;
// printable ASCII without space and comma (tus 1.0)
const KEY_PATTERN = /^[\x21-\x2b\x2d-\x7e]{1,64}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
const MIME_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const MAX_NAME_LENGTH = 255;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

const bad = (message: string): HttpError => new HttpError(400, 'invalid-metadata', message);

export function parseMetadataHeader(header: string | undefined): Map<string, string> {
  const pairs = new Map<string, string>();
  if (header === undefined || header.trim() === '') return pairs;
  if (header.length > MAX_HEADER_LENGTH) throw bad('Upload-Metadata is too long.');
  const parts = header.split(',');
  if (parts.length > MAX_PAIRS) throw bad('Upload-Metadata has too many keys.');
  for (const part of parts) {
    const [key, value = '', ...rest] = part.trim().split(' ');
    if (
      !key ||
      !KEY_PATTERN.test(key) ||
      rest.length > 0 ||
      !BASE64_PATTERN.test(value) ||
      value.length % 4 === 1
    ) {
      throw bad('Upload-Metadata is malformed.');
    }
    if (pairs.has(key)) throw bad(`Upload-Metadata repeats the key "${key}".`);
    pairs.set(key, Buffer.from(value, 'base64').toString('utf8'));
  }
  return pairs;
}

/** Checks the keys Mediabay reads; control characters in names are refused, not silently kept. */
export function validateUploadMetadata(pairs: Map<string, string>): UploadMetadata {
  const given = pairs.get(TUS_METADATA.filename) ?? pairs.get('name');
  const filetype = pairs.get(TUS_METADATA.filetype) || pairs.get('type') || 'application/octet-stream';
  const sentId = pairs.get(TUS_METADATA.operationId);
  if (given !== undefined) {
    if (given.length > MAX_NAME_LENGTH || CONTROL_CHARS.test(given) || given.includes('\ufffd')) {
      throw bad('The filename is too long or contains control characters.');
    }
  }
  if (!MIME_PATTERN.test(filetype)) throw bad('The filetype is not a MIME type.');
  if (sentId !== undefined && !isClientOperationId(sentId)) {
    throw bad('operationId must be 1-128 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-".');
  }
  const operationId = sentId ?? mintOperationId();
  const shown = given === undefined ? undefined : stripBidiControls(given); // media/names.ts
  const filename = shown?.trim() ? shown : generatedName(operationId);
  const replace = replaceRequest(pairs.get(TUS_METADATA.replaceFileId), pairs.get(TUS_METADATA.replaceName));
  const metadata = { filename, filetype: filetype.toLowerCase(), operationId, minted: sentId === undefined };
  return replace ? { ...metadata, replace } : metadata;
}
