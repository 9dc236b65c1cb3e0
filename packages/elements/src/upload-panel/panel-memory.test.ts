// A panel the page removed is not kept alive: its card is prepared on idle by a loader of its own (a
// closure over it), which the page-wide set of idle loaders held for good (shared/idle-prefetch.ts).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createMediaClient } from '@mediabay/core';
import { until } from '../test-support/fixtures.js';
import type { UploadPanel } from './upload-panel.component.js';
import './upload-panel.js';

const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));

describe('<upload-panel> memory', () => {
  it('is collected once removed, after its card was prepared', async () => {
    const collected: string[] = [];
    const registry = new FinalizationRegistry<string>((held) => collected.push(held));
    const client = createMediaClient({ endpoint: '/api/media', resumeAfterReload: false, shareTabs: false });
    try {
      // in a function of its own, so that no variable of the test holds the panel
      await (async () => {
        const el = document.createElement('upload-panel') as UploadPanel;
        el.client = client;
        document.body.appendChild(el);
        await until(() => el.shadowRoot!.querySelector('[part="panel"]'), 'the card, on idle', 8000);
        await idle(); // the card's rehearsal
        el.remove();
        registry.register(el, 'the panel');
      })();
      for (let round = 0; round < 20 && collected.length === 0; round += 1) {
        await executeServerCommand('collect-garbage');
        await new Promise((resolve) => setTimeout(resolve, 20)); // the registry calls back in a task
      }
      expect(collected).to.deep.equal(['the panel']);
    } finally {
      client.destroy();
    }
  });
});
