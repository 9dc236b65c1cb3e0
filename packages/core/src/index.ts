// Public surface of @mediabay/core (DESIGN.md "Public API").
export type { MediaFile, MediaType, ServerEvent } from './protocol.js';
