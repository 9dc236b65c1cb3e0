// `@mediabay/core/engine`: the parts of the client's engine, for building a transport or a client of
// your own, and what they share with apps (upload error codes, backoff, a list's filters and order).
// Apart from `@mediabay/core` because the client loads its engine after first paint: esbuild puts a
// file the main entry names in the first load whenever the engine uses it too, so the main entry
// names none of these.
export { createQueue } from './uploads/queue.js';
export type { UploadQueue } from './uploads/queue.js';
export { createSocket, eventsUrl, parseServerEvent } from './live/socket.js';
export type { LiveSocket, SocketOptions, WebSocketConstructor } from './live/socket.js';
export { tusTransport } from './transports/tus.js';
export { formTransport } from './transports/form.js';
export { UPLOAD_ERROR_CODES, UPLOAD_ERROR_MESSAGES, isUploadErrorCode } from './uploads/upload-errors.js';
export { backoffDelay, withJitter } from './backoff.js';
export { matchesParams, compareFiles } from './library/list-match.js';
