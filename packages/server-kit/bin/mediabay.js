#!/usr/bin/env node
// The `mediabay` command; the code lives in dist/cli.js (built by `tsc -b`).
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
