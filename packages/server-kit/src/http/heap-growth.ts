// Keeps a big upload out of V8's "GC regime" (issue 21, bench/README.md's ingest-large): V8 counts
// the ArrayBuffer bytes allocated since its last mark-compact as old-generation allocation
// (Heap::OldGenerationSpaceAvailable), and every chunk of a request body (Node copies each one out of
// the socket's read buffer) is such an ArrayBuffer. In a small heap the old generation's limit sits
// only V8's minimum growing step (8 MiB, 2 MiB after an idle spell's memory-reducing GC) above the live
// heap, so a big body started a mark-compact every few MiB, dozens per GiB, each one recomputing that
// small limit. While bodies are read, the heap's growing factor is held at 4x
// (`--heap-growing-percent`, which V8 reads each time it sets a limit): the limit is then tens of MiB
// above a small heap and a GiB costs a mark-compact or two. A while after the last body, V8's own
// factor comes back. Left alone when Node's command line sets the flag itself, or when the heap is
// big enough that V8's own factor leaves that room (and 4x of a big heap is much memory).
import v8 from 'node:v8';

/** the growing factor held while bodies are read: 1 + 300 % */
export const HELD_PERCENT = 300;

export interface HeapGrowthOptions {
  /** V8's own factor again once no body has been read for this long (one timer, not one per body) */
  lingerMs?: number;
  /** a heap this big leaves room enough at V8's own factor: the factor is not held */
  smallHeapBytes?: number;
}

// V8 takes a flag's name with dashes or underscores (`--heap_growing_percent=50`)
const setByCommandLine = (): boolean =>
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) =>
    arg.replaceAll('_', '-').includes('heap-growing-percent'),
  );

function setPercent(percent: number): boolean {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
    return true;
  } catch {
    return false; // a runtime whose flags are frozen: V8 keeps its own factor
  }
}

export interface HeapGrowth {
  /**
   * Holds the heap's growing factor while a body is read; call the returned function once when the
   * body ends (read, failed or cut off). Bodies overlap freely; the factor is restored a while after
   * the last one, so a run of chunked PATCHes does not toggle it per request.
   */
  hold(): () => void;
  /** whether the factor is held now */
  readonly held: boolean;
  /** how many bodies hold it now (released or not) */
  readonly reading: number;
}

export function createHeapGrowth(options: HeapGrowthOptions = {}): HeapGrowth {
  const lingerMs = options.lingerMs ?? 5000;
  const smallHeapBytes = options.smallHeapBytes ?? 64 * 1024 * 1024;
  const state: { bodies: number; held: boolean; lastRelease: number; timer?: NodeJS.Timeout } = {
    bodies: 0,
    held: false,
    lastRelease: 0,
  };
  const restoreLater = (): void => {
    if (state.timer) return;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (!state.held || state.bodies > 0) return;
      // a monotonic clock: a wall clock set back would keep the factor held for as long
      if (performance.now() - state.lastRelease < lingerMs) return restoreLater();
      state.held = !setPercent(0); // 0: V8's own, dynamic factor
    }, lingerMs).unref();
  };
  const untouched = setByCommandLine();
  return {
    get held() {
      return state.held;
    },
    get reading() {
      return state.bodies;
    },
    hold() {
      if (untouched) return () => undefined;
      if (!state.held && v8.getHeapStatistics().used_heap_size < smallHeapBytes)
        state.held = setPercent(HELD_PERCENT);
      state.bodies += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        state.bodies -= 1;
        state.lastRelease = performance.now();
        if (state.bodies === 0 && state.held) restoreLater();
      };
    },
  };
}

/** The process's one holder: request bodies (tus/request-body.ts) hold the factor through it. */
export const heapGrowth: HeapGrowth = createHeapGrowth();
