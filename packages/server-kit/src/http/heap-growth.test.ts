// The heap's growing factor is held while request bodies are read and given back to V8 a while after
// the last one; a big heap is left alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '../test-support/server.test-helper.js';
import { createHeapGrowth } from './heap-growth.js';

describe('heap growth hold', () => {
  it('holds while bodies overlap and restores once the last one has been quiet', async () => {
    const growth = createHeapGrowth({ lingerMs: 20 });
    assert.equal(growth.held, false);
    const first = growth.hold();
    const second = growth.hold();
    assert.equal(growth.held, true);
    first();
    first(); // a second call of the same release changes nothing
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(growth.held, true, 'a body is still being read');
    second();
    assert.equal(growth.held, true, 'held for the linger period after the last body');
    await waitFor(() => (growth.held ? undefined : true), 5000);
  });

  it('a body that starts within the linger period keeps the factor held', async () => {
    const growth = createHeapGrowth({ lingerMs: 40 });
    growth.hold()();
    const next = growth.hold();
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(growth.held, true);
    next();
    await waitFor(() => (growth.held ? undefined : true), 5000);
  });

  it('leaves the factor to a command line that sets it, in either spelling', () => {
    for (const flag of ['--heap-growing-percent=50', '--heap_growing_percent=50']) {
      process.execArgv.push(flag);
      try {
        const growth = createHeapGrowth({ lingerMs: 20 });
        const release = growth.hold();
        assert.equal(growth.held, false, flag);
        release();
      } finally {
        process.execArgv.pop();
      }
    }
  });

  it('leaves a big heap to V8', () => {
    const growth = createHeapGrowth({ lingerMs: 20, smallHeapBytes: 1 });
    const release = growth.hold();
    assert.equal(growth.held, false);
    release();
  });
});
