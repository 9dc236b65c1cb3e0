// Loaders run on idle (idle-prefetch.ts) are not kept once they ran: an element's own loader (the
// upload panel's card preparation, a closure over the element) would keep every panel a page ever
// made alive, with its shadow tree and client.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { prefetchOnIdle } from './idle-prefetch.js';

describe('prefetchOnIdle', () => {
  it('runs a loader once and keeps no hold on it after', async () => {
    const collected: string[] = [];
    const registry = new FinalizationRegistry<string>((held) => collected.push(held));
    let runs = 0;
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    (() => {
      const loader = () => {
        runs += 1;
        ran();
        return Promise.resolve();
      };
      registry.register(loader, 'the loader');
      prefetchOnIdle(loader);
      prefetchOnIdle(loader); // once per page
    })();
    await done;
    for (let round = 0; round < 20 && collected.length === 0; round += 1) {
      await executeServerCommand('collect-garbage');
      await new Promise((resolve) => setTimeout(resolve, 20)); // the registry calls back in a task of its own
    }
    expect(runs).to.equal(1);
    expect(collected).to.deep.equal(['the loader']);
  });
});
