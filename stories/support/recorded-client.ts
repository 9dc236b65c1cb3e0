// A real `createMediaClient` for stories, without a server: its `fetch` and `WebSocket` options answer
// from a recording (list pages, usages, edits), the query cache is seeded with `setQueryData` (once
// the client's engine is there),
// `$view` and the selection are set through the public API and `$uploads` through
// `@mediabay/core/testing` (as another tab's uploads come in). The elements are unchanged.
import { createMediaClient, type MediaClient, type UploadItem, type ViewState } from '@mediabay/core';
import { compareFiles, matchesParams } from '@mediabay/core/engine';
import type { ListParams, ListResponse, MediaFile, Me, ServerEvent, Usage } from '@mediabay/core/protocol';
import { mirrorUploads } from '@mediabay/core/testing';

export interface Recording {
  /** the server's files, as `GET /api/media` listed them */
  files?: MediaFile[];
  /** `$uploads` at the recorded moment */
  uploads?: UploadItem[];
  view?: Partial<ViewState>;
  /** ids to select */
  selected?: string[];
  /** how the list request ends: answered (default), never (loading), or with a server error */
  list?: 'answer' | 'pending' | 'error';
  /** who `GET /me` says the viewer is; default an admin who may do everything */
  me?: Me;
  /** the client's `restrictions.maxFiles` (a queue that fills up) */
  maxFiles?: number;
  /** server events the socket replays, `at` ms after it opens */
  events?: { at: number; event: ServerEvent }[];
  /** the live socket never opens (the client polls: "Live updates paused") */
  socketDown?: boolean;
}

type Role = 'viewer' | 'editor' | 'admin';

/** What `GET /me` answers for a user with one of the built-in roles (the server kit's ROLE_RULES). */
export function meAs(role: Role, userId: string): Me {
  const admin = role === 'admin';
  const editor = role === 'editor' || admin;
  return {
    userId,
    tenantId: 'demo',
    roles: [role],
    can: {
      read: true,
      upload: editor,
      rename: editor,
      renameAny: admin,
      tag: editor,
      tagAny: admin,
      delete: editor,
      deleteAny: admin,
      forceDelete: admin,
      manageUsages: editor,
      audit: admin,
    },
  };
}

const ADMIN = meAs('admin', 'demo');

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** Answers the REST routes the elements call from the recording; edits change it in memory. */
function recordedFetch(recording: Recording, files: Map<string, MediaFile>): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input), location.href);
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^.*\/api\/media/, '');
    if (method === 'GET' && path === '') {
      if (recording.list === 'pending') return new Promise<Response>(() => {});
      if (recording.list === 'error')
        return json(503, { error: { code: 'unavailable', message: 'The media server is not answering.' } });
      const params = Object.fromEntries(url.searchParams) as ListParams;
      const items = [...files.values()]
        .filter((file) => matchesParams(file, params))
        .sort((a, b) => compareFiles(a, b, params));
      // The whole recording in one page: the grid and list stories show thousands of files, more
      // than the server's 200-item page, to show the virtualizer at that size.
      return json(200, { items, nextCursor: null, total: items.length });
    }
    const [, id = '', sub] = path.split('/').map(decodeURIComponent);
    const file = files.get(id);
    if (method === 'GET' && path === '/tags') return json(200, { tags: [] });
    if (method === 'GET' && path === '/me') return json(200, recording.me ?? ADMIN);
    if (method === 'POST' && path === '/bulk-delete') {
      const { fileIds } = JSON.parse(String(init?.body)) as { fileIds: string[] };
      const deleted = fileIds.filter((fileId) => files.delete(fileId));
      return json(200, { success: true, deletedCount: deleted.length });
    }
    if (method === 'POST' && path === '/bulk-tag') {
      const body = JSON.parse(String(init?.body)) as { fileIds: string[]; add?: string[]; remove?: string[] };
      const changed = body.fileIds.flatMap((fileId) => {
        const file = files.get(fileId);
        if (!file) return [];
        const tags = [...new Set([...file.tags, ...(body.add ?? [])])].filter(
          (t) => !body.remove?.includes(t),
        );
        const next = { ...file, tags };
        files.set(fileId, next);
        return [next];
      });
      return json(200, { success: true, updatedCount: changed.length, files: changed });
    }
    if (!file) return json(404, { error: { code: 'not-found', message: 'No such file.' } });
    if (method === 'GET' && sub === 'usages') return json(200, { usages: file.usages });
    if ((method === 'PUT' || method === 'DELETE') && sub === 'usages') {
      const usage = JSON.parse(String(init?.body)) as Usage;
      const others = file.usages.filter(
        (u) => u.courseId !== usage.courseId || (u.lessonId ?? '') !== (usage.lessonId ?? ''),
      );
      const usages = method === 'PUT' ? [...others, usage] : others;
      files.set(id, { ...file, usages });
      return json(200, { usages });
    }
    if (method === 'PATCH') {
      const next = { ...file, ...(JSON.parse(String(init?.body)) as Partial<MediaFile>) };
      files.set(id, next);
      return json(200, next);
    }
    if (method === 'DELETE') {
      files.delete(id);
      return json(204, null);
    }
    return json(200, file);
  };
}

/** Opens at once and replays the recorded server events (or, `down`, fails at once); it never
 * reaches a network. */
function recordedSocket(events: Recording['events'] = [], down = false) {
  return class RecordedSocket {
    static readonly OPEN = 1;
    readyState = 0;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    onclose: ((event: unknown) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    #timers: ReturnType<typeof setTimeout>[] = [];

    constructor() {
      if (down) {
        this.#timers.push(
          setTimeout(() => {
            this.readyState = 3;
            this.onerror?.({});
            this.onclose?.({ code: 1006 });
          }),
        );
        return;
      }
      this.#timers.push(
        setTimeout(() => {
          this.readyState = 1;
          this.onopen?.({});
        }),
      );
      for (const { at, event } of events)
        this.#timers.push(setTimeout(() => this.onmessage?.({ data: JSON.stringify(event) }), at));
    }

    send(): void {}

    close(): void {
      this.#timers.forEach(clearTimeout);
      this.readyState = 3;
    }
  };
}

/** The element's first query: what `<media-library>` asks for with the recorded view. */
function firstParams(view: Partial<ViewState>): ListParams {
  const params: ListParams = {};
  if (view.q?.trim()) params.q = view.q.trim();
  if (view.type) params.type = view.type;
  return { ...params, sort: view.sort ?? 'createdAt', order: view.order ?? 'desc', limit: 200 };
}

export function recordedClient(recording: Recording = {}): MediaClient {
  const files = new Map((recording.files ?? []).map((file) => [file.id, file]));
  const client = createMediaClient({
    endpoint: '/api/media',
    fetch: recordedFetch(recording, files),
    WebSocket: recordedSocket(recording.events, recording.socketDown),
    removeCompletedAfter: Infinity,
    ...(recording.maxFiles ? { restrictions: { maxFiles: recording.maxFiles } } : {}),
  });
  if (recording.view) client.setView(recording.view);
  // the query cache comes with the client's engine, right after the client is made (before the
  // library's first list subscribes to it: that waits for the same engine)
  const params = firstParams(client.$view.get());
  void client.ready.then(
    () => {
      client.queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
      if (recording.list && recording.list !== 'answer') return;
      const items = [...files.values()]
        .filter((f) => matchesParams(f, params))
        .sort((a, b) => compareFiles(a, b, params));
      const page: ListResponse = { items, nextCursor: null, total: items.length };
      client.queryClient.setQueryData(['media-files', params], page);
    },
    () => {},
  );
  // shown as another tab's uploads are: through the upload reducer, not a write on `$uploads`
  if (recording.uploads) mirrorUploads(client, recording.uploads);
  if (recording.selected) client.selection.selectAll(recording.selected);
  return client;
}
