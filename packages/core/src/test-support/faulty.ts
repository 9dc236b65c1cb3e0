// The test page's side of wtr-faults.mjs: a server-kit process behind a fault proxy, its faults, its
// request log, a kill -9 and a restart; and what the server holds, asked through the proxy.
import { executeServerCommand } from '@web/test-runner-commands';

const run = <R>(command: string, payload?: unknown): Promise<R> =>
  executeServerCommand<R, unknown>(command, payload);

export interface Fault {
  mode: 'pass' | 'refuse' | 'reset' | 'status' | 'hold';
  status?: number;
  retryAfter?: string | number;
  code?: string;
  message?: string;
  /** only requests with these methods (default all) */
  methods?: string[];
  /** only tus requests (`/uploads`) */
  tusOnly?: boolean;
  /** this many requests, then back to pass */
  count?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  at: number;
  end?: number;
  status: number | null;
  outcome: Fault['mode'] | 'down' | 'gone' | null;
}

/** starts the server process once (later calls reset the fault and the log); resolves with its endpoint */
export const faultyServer = () => run<string>('faulty-start');
export const setFault = (fault: Fault) => run<true>('fault', fault);
export const clearFault = () => run<true>('fault', { mode: 'pass' });
export const proxyLog = () => run<ProxiedRequest[]>('faulty-log');
export const killServer = () => run<true>('faulty-kill');
export const restartFaultyServer = () => run<true>('faulty-restart');

/** operationId -> how many library files the server has for it, of files whose name starts with `prefix` */
export async function filesByOperation(
  endpoint: string,
  prefix: string,
  options: { trashed?: boolean } = {},
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({
      q: prefix,
      limit: '100',
      ...(options.trashed ? { trashed: 'true' } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const response = await fetch(`${endpoint}?${query}`);
    if (!response.ok) throw new Error(`list: ${response.status}`);
    const page = (await response.json()) as {
      items: { name: string; operationId: string }[];
      nextCursor?: string | null;
    };
    for (const file of page.items)
      if (file.name.startsWith(prefix)) counts.set(file.operationId, (counts.get(file.operationId) ?? 0) + 1);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return counts;
}
