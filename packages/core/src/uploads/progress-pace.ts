// How often bytes moving are written and told: the pace at which the elements show progress (2 Hz,
// elements' PACE_MS). An upload's XHR reports ~10 times a second; a paced view that sees a write at
// this pace shows it in the write's own task instead of setting a timer of its own (issue 21). Twice
// a second: each write is a render and a frame for the whole of an upload, and the text it changes
// (bytes, percent, time left in seconds) is read no faster (docs/decisions.md, "Progress twice a second").

/** ms between writes of progress alone (the uploads store) and between progress messages to mirror tabs */
export const PROGRESS_WRITE_MS = 500;
