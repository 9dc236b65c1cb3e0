// Identifiers the server makes: 32 lowercase hex characters from crypto, checked on every way in.
import { randomBytes } from 'node:crypto';

export const ID_PATTERN = /^[a-f0-9]{32}$/;

export const newId = (): string => randomBytes(16).toString('hex');

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
