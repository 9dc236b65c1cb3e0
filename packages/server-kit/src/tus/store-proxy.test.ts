import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataStore } from '@tus/utils';
import { withMethods } from './store-proxy.js';

class CountingStore extends DataStore {
  removed: string[] = [];
  override async remove(id: string): Promise<void> {
    this.removed.push(id); // `this` must be the store itself
  }
}

describe('withMethods (a datastore with some methods replaced)', () => {
  it('hands out each of the store’s own methods bound once, the same function on every read', async () => {
    const store = new CountingStore();
    const wrapped = withMethods(store, {});
    assert.equal(wrapped.remove, wrapped.remove, 'no new bound function per read');
    await wrapped.remove('a');
    const { remove } = wrapped;
    await remove('b'); // detached, as @tus/server may call it
    assert.deepEqual(store.removed, ['a', 'b']);
  });

  it('uses the replacements, and follows a method the store itself replaced later', async () => {
    const store = new CountingStore();
    const calls: string[] = [];
    const wrapped = withMethods(store, { getUpload: () => Promise.reject(new Error('replaced')) });
    await assert.rejects(wrapped.getUpload('x'), /replaced/);
    const first = wrapped.remove;
    store.remove = async function (this: CountingStore, id: string) {
      calls.push(`${id}:${this === store}`);
    };
    assert.notEqual(wrapped.remove, first);
    await wrapped.remove('c');
    assert.deepEqual(calls, ['c:true']);
    assert.equal(wrapped.extensions, store.extensions, 'fields read through');
  });
});
