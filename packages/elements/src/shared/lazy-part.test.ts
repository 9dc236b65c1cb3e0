// Parts loaded on first use (lazy-part.ts): one import per page, a failed import tried again on the
// next use (not in a loop by renders), and `updateComplete` waiting for the part and its render.
import { expect, fixture, html } from '@open-wc/testing';
import { LazyController, lazyModule } from './lazy-part.js';
import { MediabayElement } from './mediabay-element.js';

/** The elements' base with a render that shows what a lazy part says. */
class LazyHost extends MediabayElement {
  renders = 0;
  show: (() => string | undefined) | undefined;

  get parts() {
    return this.lazy;
  }

  protected override render() {
    this.renders += 1;
    return html`<p>${this.show?.() ?? 'nothing yet'}</p>`;
  }
}
customElements.define('lazy-host-test', LazyHost);

/** an importer the test resolves or rejects by hand, counting its calls */
function gate<T>() {
  let calls = 0;
  let settle: { resolve(value: T): void; reject(error: Error): void } | undefined;
  const importer = () => {
    calls += 1;
    return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { importer, calls: () => calls, settle: () => settle! };
}

describe('lazy parts', () => {
  it('imports once, renders what it brings, and updateComplete waits for it', async () => {
    const { importer, calls, settle } = gate<{ word: string }>();
    const module = lazyModule(importer);
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    el.show = () => el.parts.use(module)?.word;
    el.requestUpdate();
    const done = el.updateComplete;
    await Promise.resolve();
    el.requestUpdate(); // renders while it loads ask for it again: still one import
    await new Promise((resolve) => setTimeout(resolve));
    expect(calls()).to.equal(1);
    expect(el.shadowRoot!.textContent).to.contain('nothing yet');
    settle().resolve({ word: 'loaded' });
    await done;
    expect(el.shadowRoot!.textContent).to.contain('loaded');
    expect(module.value).to.deep.equal({ word: 'loaded' });
  });

  it('tries a failed import again on the next use, not on every render', async () => {
    const { importer, calls, settle } = gate<{ word: string }>();
    const module = lazyModule(importer);
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    el.show = () => el.parts.use(module)?.word;
    el.requestUpdate();
    await new Promise((resolve) => setTimeout(resolve));
    settle().reject(new Error('offline'));
    await el.updateComplete; // a failed part ends the wait too
    const renders = el.renders;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.renders).to.equal(renders + 1);
    expect(calls()).to.equal(1);
    // the user asks again: a new import
    const again = el.parts.load(module);
    expect(calls()).to.equal(2);
    settle().resolve({ word: 'back' });
    expect((await again).word).to.equal('back');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('back');
  });

  it('tries a part a render asked for again when the browser is back online', async () => {
    const { importer, calls, settle } = gate<{ word: string }>();
    const module = lazyModule(importer);
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    el.show = () => el.parts.use(module)?.word;
    el.requestUpdate();
    await new Promise((resolve) => setTimeout(resolve));
    settle().reject(new Error('offline'));
    await el.updateComplete;
    expect(calls()).to.equal(1);
    dispatchEvent(new Event('online'));
    expect(calls()).to.equal(2);
    settle().resolve({ word: 'online again' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('online again');
    dispatchEvent(new Event('online')); // nothing failed any more: no import
    expect(calls()).to.equal(2);
  });

  it('makes one controller per host once the module is there, and runs actions on it', async () => {
    const { importer, settle } = gate<{ make: (host: LazyHost) => { host: LazyHost; opened: string[] } }>();
    const module = lazyModule(importer);
    const el = await fixture<LazyHost>(html`<lazy-host-test></lazy-host-test>`);
    const part = new LazyController(el.parts, module, (m) => m.make(el));
    expect(part.value).to.equal(undefined);
    const ran = part.run((controller) => controller.opened.push('first'));
    const done = el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    settle().resolve({ make: (host) => ({ host, opened: [] }) });
    await done;
    await ran;
    expect(part.value!.opened).to.deep.equal(['first']);
    await part.run((controller) => controller.opened.push('second'));
    expect(part.value!.opened).to.deep.equal(['first', 'second']);
    expect(part.value!.host).to.equal(el);
  });
});
