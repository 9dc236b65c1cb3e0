// `@mediabay/core/engine`: the parts of the client's engine, for building a transport or a client of
// your own. Apart from `@mediabay/core` because the client loads its engine after first paint: a
// bundler that code-splits puts everything the main entry names in the first load, so the main entry
// names none of these.
export { createQueue } from './uploads/queue.js';
export type { UploadQueue } from './uploads/queue.js';
export { createSocket, eventsUrl, parseServerEvent } from './live/socket.js';
export type { LiveSocket, SocketOptions, WebSocketConstructor } from './live/socket.js';
export { tusTransport } from './transports/tus.js';
export { formTransport } from './transports/form.js';
