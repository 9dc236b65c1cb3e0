// What a client sends on the live channel, read defensively: the only message is `mute-progress`
// (core's MuteProgressMessage); binary frames, text that is not JSON, other types and operation ids
// a client could not have chosen are ignored. ws caps a frame at the relay's maxPayload (4 KiB).
import { CLIENT_OPERATION_ID_PATTERN, type MuteProgressMessage } from '@mediabay/core/protocol';
import type { RawData } from 'ws';

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8'); // ws hands a Buffer: no copy
}

/** The client's message, or null for anything that is not a well-formed `mute-progress`. */
export function parseClientMessage(data: RawData, isBinary: boolean): MuteProgressMessage | null {
  if (isBinary) return null;
  let value: unknown;
  try {
    value = JSON.parse(textOf(data));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, operationId } = value as Record<string, unknown>;
  if (type !== 'mute-progress' || typeof operationId !== 'string') return null;
  return CLIENT_OPERATION_ID_PATTERN.test(operationId) ? { type, operationId } : null;
}
