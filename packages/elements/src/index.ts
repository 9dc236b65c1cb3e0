// Public surface of @mediabay/elements: importing it registers <upload-dropzone>, <upload-panel> and
// <media-library>. Classes, helpers and types are exported for subclassing, tests and typed listeners
// (without registering anything from `@mediabay/elements/classes`). One element alone:
// `@mediabay/elements/upload-dropzone`, `/upload-panel` or `/media-library`.
import './upload-dropzone/upload-dropzone.js';
import './upload-panel/upload-panel.js';
import './media-library/media-library.js';

export * from './classes.js';
