// Copies the repository's demo page (examples/vanilla) into this package's demo/ so the published
// server kit serves it: `npx mediabay serve` shows it at `/`. Runs with the root build and before
// packing.
import { cp, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../../../examples/vanilla/', import.meta.url));
const to = fileURLToPath(new URL('../demo/', import.meta.url));
await rm(to, { recursive: true, force: true });
await cp(from, to, { recursive: true });
