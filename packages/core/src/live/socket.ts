// Live channel: a WebSocket to `${endpoint}/events` that reconnects with backoff and hands each
// server event to observers (`on(type, fn)`). The constructor comes from globalThis unless given.
import { backoffDelay, withJitter } from '../backoff.js';
import { createEmitter } from '../emitter.js';
import { endpointBase, resolveMediaUrls } from '../library/media-urls.js';
import {
  COALESCIBLE_EVENTS,
  SERVER_EVENT_TYPES,
  type MuteProgressMessage,
  type ServerEvent,
} from '../protocol.js';
import { withTicket } from './socket-ticket.js';

/** The part of the WebSocket API we use: the browser's and the `ws` package's both fit. */
interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(code?: number, reason?: string): void;
  /** optional: a stand-in without it only cannot ask the server to mute progress */
  send?(data: string): void;
}
export type WebSocketConstructor = new (url: string, protocols?: string[], options?: unknown) => SocketLike;

export type SocketEventMap = { [E in ServerEvent as E['type']]: E } & {
  'socket-state': { type: 'socket-state'; connected: boolean };
};

export interface SocketOptions {
  /** REST base; relative bases resolve against `location` */
  endpoint: string;
  WebSocket?: WebSocketConstructor;
  /** sent on the upgrade where the runtime allows it (Node's `ws`); browsers send cookies instead */
  headers?: () => Record<string, string>;
  /** ms before reconnect attempt `n` (0-based) */
  reconnectDelay?: (attempt: number) => number;
  /**
   * asked before each (re)connect: a single-use ticket sent as `?ticket=` (null: connect without);
   * a rejection counts as a failed connect (see socket-ticket.ts)
   */
  ticket?: () => Promise<string | null>;
  /**
   * whether the server's progress of this upload is not wanted (one this tab's own request reports):
   * such a message is dropped before it is parsed, and the server is asked (once per upload and
   * connection) not to send more of it
   */
  skipProgress?: (operationId: string) => boolean;
  /** whether a skipped upload's progress is worth a message asking the server to stop (more of it
   * is to come); always when absent. A small file's one request has sent its only progress. */
  muteProgress?: (operationId: string) => boolean;
}

export interface LiveSocket {
  on<K extends keyof SocketEventMap>(type: K, fn: (event: SocketEventMap[K]) => void): () => void;
  readonly connected: boolean;
  /** closes for good: no reconnect afterwards */
  close(): void;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(SERVER_EVENT_TYPES);

/** `${endpoint}/events` as a ws: or wss: URL. */
export function eventsUrl(endpoint: string, base: string | undefined = globalThis.location?.href): string {
  const url = base ? new URL(`${endpoint}/events`, base) : new URL(`${endpoint}/events`);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  return url.href;
}

/** how the server writes an upload's progress (its keys in this order; other text is parsed as usual) */
const PROGRESS_PREFIX = '{"type":"media-upload-progress","operationId":"';

/** uploads muted on one connection before the record starts over (a server forgets past its own bound) */
const MAX_MUTED = 1000;

/** The operation of an upload-progress message, read without parsing it; null for any other text. */
export function progressOperationOf(data: unknown): string | null {
  if (typeof data !== 'string' || !data.startsWith(PROGRESS_PREFIX)) return null;
  const end = data.indexOf('"', PROGRESS_PREFIX.length);
  // an operation ID has no escapes ([A-Za-z0-9._:-]); anything else is left to JSON.parse
  if (end < 0 || data.charCodeAt(end - 1) === 92) return null;
  return data.slice(PROGRESS_PREFIX.length, end);
}

export function parseServerEvent(data: unknown): ServerEvent | null {
  let text: string;
  if (typeof data === 'string') text = data;
  else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data))
    text = new TextDecoder().decode(data as ArrayBuffer);
  else return null;
  try {
    const value = JSON.parse(text) as { type?: unknown };
    return value && typeof value.type === 'string' && KNOWN_TYPES.has(value.type)
      ? (value as ServerEvent)
      : null;
  } catch {
    return null;
  }
}

export function createSocket(options: SocketOptions): LiveSocket {
  const Ctor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  const delay = options.reconnectDelay ?? ((attempt: number) => withJitter(backoffDelay(attempt, 500)));
  const emitter = createEmitter<SocketEventMap>();
  let socket: SocketLike | null = null;
  let connected = false;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** a ticket is on its way: no second connect may start meanwhile */
  let connecting = false;
  // file URLs in events are paths on the server, not on the page
  const urlBase = endpointBase(options.endpoint);

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    emitter.emit('socket-state', { type: 'socket-state', connected: value });
  };

  function connect(): void {
    timer = null;
    if (closed || !Ctor || connecting) return;
    if (!options.ticket) return open(null);
    connecting = true;
    options.ticket().then(
      (ticket) => {
        connecting = false;
        if (!closed && !socket) open(ticket);
      },
      () => {
        connecting = false;
        scheduleReconnect();
      },
    );
  }

  function open(ticket: string | null): void {
    if (!Ctor) return;
    let current: SocketLike;
    try {
      const headers = options.headers?.() ?? {};
      current = new Ctor(withTicket(eventsUrl(options.endpoint), ticket), [], { headers });
    } catch {
      scheduleReconnect();
      return;
    }
    socket = current;
    /** uploads whose progress this connection asked the server not to send */
    const muted = new Set<string>();
    const mute = (operationId: string) => {
      if (muted.has(operationId)) return;
      if (muted.size >= MAX_MUTED) muted.clear();
      muted.add(operationId);
      const message: MuteProgressMessage = { type: 'mute-progress', operationId };
      try {
        current.send?.(JSON.stringify(message));
      } catch {
        // closing: the next connection mutes afresh
      }
    };
    current.onopen = () => {
      attempt = 0;
      setConnected(true);
    };
    current.onmessage = (message) => {
      if (options.skipProgress) {
        const operationId = progressOperationOf(message.data);
        if (operationId && options.skipProgress(operationId)) {
          if (options.muteProgress?.(operationId) ?? true) mute(operationId);
          return;
        }
      }
      const event = parseServerEvent(message.data);
      if (!event) return;
      // the server hears a muted upload again after its lifecycle event (progress-gate.ts): so do we
      if (!COALESCIBLE_EVENTS.has(event.type) && 'operationId' in event) muted.delete(event.operationId);
      emitter.emit(event.type, resolveMediaUrls(event, urlBase) as never);
    };
    current.onerror = () => {
      // a close event always follows; reconnecting is decided there
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      setConnected(false);
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closed || timer) return;
    timer = setTimeout(connect, delay(attempt++));
  }

  // a browser that comes back online should not wait out a 30 s backoff
  const onOnline = () => {
    if (socket || closed || connecting) return;
    if (timer) clearTimeout(timer);
    connect();
  };
  const target = globalThis as {
    addEventListener?: typeof addEventListener;
    removeEventListener?: typeof removeEventListener;
  };
  target.addEventListener?.('online', onOnline);

  connect();
  return {
    on: emitter.on,
    get connected() {
      return connected;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      target.removeEventListener?.('online', onOnline);
      const current = socket;
      socket = null;
      current?.close(1000, 'client closed');
      setConnected(false);
      emitter.clear();
    },
  };
}
