// Checks and normalises the values clients may write: names, tags, usages, id lists.
import type { Usage } from '@mediabay/core/protocol';
import { HttpError } from '../http/errors.js';
import { isId } from '../media/ids.js';
import { stripBidiControls } from '../media/names.js';
import { MAX_TAGS } from '../media/tagging.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
export const MAX_BULK = 500;

const invalid = (field: string, message: string): HttpError =>
  new HttpError(400, 'invalid-field', `${field}: ${message}`);

/** A display name: kept as given (no HTML escaping here; renderers escape), but never empty or binary. */
export function fileName(value: unknown): string {
  if (typeof value !== 'string') throw invalid('name', 'must be a string.');
  const name = stripBidiControls(value).trim();
  if (name === '' || name.length > 255) throw invalid('name', 'must be 1-255 characters.');
  if (CONTROL_CHARS.test(name)) throw invalid('name', 'may not contain control characters.');
  return name;
}

/** Tags are trimmed, lower-cased and de-duplicated, so `Intro` and `intro ` are one tag. */
export function tagList(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('tags', 'must be an array of strings.');
  if (value.length > MAX_TAGS) throw invalid('tags', `at most ${MAX_TAGS} tags.`);
  const tags = new Set<string>();
  for (const raw of value) {
    if (typeof raw !== 'string') throw invalid('tags', 'must be an array of strings.');
    const tag = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (tag === '' || tag.length > 64 || CONTROL_CHARS.test(tag))
      throw invalid('tags', 'each tag is 1-64 characters.');
    tags.add(tag);
  }
  return [...tags].sort();
}

const USAGE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

export function usage(body: Record<string, unknown>): Usage {
  const { courseId, lessonId } = body;
  if (typeof courseId !== 'string' || !USAGE_ID.test(courseId))
    throw invalid('courseId', 'must be 1-128 letters, digits or _.:-');
  if (lessonId === undefined || lessonId === null) return { courseId };
  if (typeof lessonId !== 'string' || !USAGE_ID.test(lessonId))
    throw invalid('lessonId', 'must be 1-128 letters, digits or _.:-');
  return { courseId, lessonId };
}

export function idList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BULK) {
    throw invalid('fileIds', `must be an array of 1-${MAX_BULK} file ids.`);
  }
  if (!value.every(isId)) throw invalid('fileIds', 'contains something that is not a file id.');
  return [...new Set(value as string[])];
}
