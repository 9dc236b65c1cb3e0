// Test support for roles: one tenant with a viewer, two editors, an admin and a user without a
// role (Bearer <userId>), a JSON client, and fixtures made through the API itself.
import type { IncomingMessage } from 'node:http';
import type { AuditEntry, MediaFile } from '@mediabay/core/protocol';
import type { AuthContext } from '../options.js';
import { newOperationId, openEvents } from './clients.test-helper.js';
import { openTestDatabase, waitFor, type TestServer } from './server.test-helper.js';

export const ROLES: Record<string, string[]> = {
  vic: ['viewer'],
  erin: ['editor'],
  alice: ['editor'],
  ada: ['admin'],
  nobody: [],
};
export type User = keyof typeof ROLES;

export function authenticate(req: IncomingMessage): AuthContext | null {
  const user = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const roles = ROLES[user];
  return roles ? { userId: user, tenantId: 't1', roles } : null;
}

export const as = (user: string): Record<string, string> => ({ Authorization: `Bearer ${user}` });

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function api(
  server: TestServer,
  user: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${server.url}/api/media${path}`, {
    method,
    headers: {
      ...as(user),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (content bytes)
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** A small text file uploaded by `user` through multipart, once it is `ready`. */
export async function createFile(server: TestServer, user: string, name = 'notes.txt'): Promise<MediaFile> {
  const form = new FormData();
  form.set('operationId', newOperationId());
  form.set('file', new Blob([`hello from ${user}`], { type: 'text/plain' }), name);
  const res = await fetch(`${server.url}/api/media/upload`, {
    method: 'POST',
    headers: as(user),
    body: form,
  });
  const { fileId } = (await res.json()) as { fileId?: string };
  if (res.status !== 201 || !fileId) throw new Error(`upload as ${user} failed: ${res.status}`);
  return waitFor(async () => {
    const file = (await api(server, user, 'GET', `/${fileId}`)).body as MediaFile;
    return file.status === 'ready' ? file : undefined;
  });
}

export const TUS = { 'Tus-Resumable': '1.0.0' };

/** An unfinished tus upload of 100 bytes by `user`; returns its path below the API and operation id. */
export async function createUpload(
  server: TestServer,
  user: string,
): Promise<{ path: string; operationId: string }> {
  const operationId = newOperationId();
  const res = await fetch(`${server.url}/api/media/uploads`, {
    method: 'POST',
    headers: {
      ...as(user),
      ...TUS,
      'Upload-Length': '100',
      'Upload-Metadata': `filename ${btoa('part.bin')},filetype ${btoa('application/octet-stream')},operationId ${btoa(operationId)}`,
    },
  });
  if (res.status !== 201) throw new Error(`tus create as ${user} failed: ${res.status}`);
  const location = new URL(res.headers.get('location') ?? '', server.url).pathname;
  return { path: location.replace('/api/media', ''), operationId };
}

/** Every audit entry of the tenant, oldest first (read as the admin). */
export async function auditLog(server: TestServer): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const page = (await api(server, 'ada', 'GET', `/audit?limit=200${query}`)).body as {
      items: AuditEntry[];
      nextCursor: string | null;
    };
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries.reverse();
}

/** The status of a refused upgrade (fails if the socket opened). */
export async function refusedWith(server: TestServer, headers: Record<string, string>): Promise<number> {
  const error = await openEvents(server.wsUrl, headers).then(
    ({ ws }) => {
      ws.close();
      throw new Error('the socket opened');
    },
    (e: unknown) => e as Error,
  );
  return Number(/upgrade refused: (\d+)/.exec(error.message)?.[1]);
}

/** `socket.refused` entries of callers nobody knows (tenant ''), which no tenant's route shows. */
export async function unknownCallerEntries(server: TestServer) {
  const db = await openTestDatabase(server.dataDir);
  try {
    return await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', '').orderBy('seq').execute();
  } finally {
    await db.destroy();
  }
}
