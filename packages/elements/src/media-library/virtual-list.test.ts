// The library's grid re-renders its cards (an upload's progress, twice a second) without laying the
// grid out again: lit-virtualizer hands the layout its config on every update, and the grid took it
// as a change (its padding setter reflows), so every card was positioned again and the host resized.
import { expect, fixture } from '@open-wc/testing';
import { html, type ReactiveElement } from 'lit';
import { gridLayout } from './virtual-list.js';

/** what a layout tells its virtualizer (positions, the visible range) */
type LayoutHostMessage = Parameters<ConstructorParameters<typeof gridLayout.type>[0]>[0];

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** a <lit-virtualizer> of 400 cards (key and `label.text`), laid out by `layout` */
async function virtualizer(layout: unknown, label: { text: string }) {
  const keys = Array.from({ length: 400 }, (_, i) => `k${i}`);
  const wrapper = await fixture<HTMLDivElement>(html`
    <div style="height:400px;width:600px;display:flex">
      <lit-virtualizer
        scroller
        style="flex:1"
        .items=${keys}
        .layout=${layout}
        .renderItem=${(key: string) => html`<div class="card" style="height:40px">${key} ${label.text}</div>`}
      ></lit-virtualizer>
    </div>
  `);
  const host = wrapper.querySelector<ReactiveElement & { layoutComplete: Promise<void> }>('lit-virtualizer')!;
  await host.layoutComplete;
  await frame();
  return host;
}

/**
 * Whether a layout cycle ran while `act` ran and the next frames passed: `layoutComplete` resolves
 * (two frames) after one and stays pending while none runs.
 */
async function laidOut(host: ReactiveElement & { layoutComplete: Promise<void> }, act: () => Promise<void>) {
  await act();
  const done = host.layoutComplete.then(() => true);
  for (let i = 0; i < 6; i++) await frame();
  return Promise.race([done, Promise.resolve(false)]);
}

/** the library's grid layout on its own, telling `heard` what it would do to the cards */
async function gridOnItsOwn(heard: LayoutHostMessage[]) {
  const { type: Grid, ...config } = gridLayout;
  const layout = new Grid((message) => heard.push(message), config);
  await Promise.resolve(); // (the base class takes its config a microtask later)
  layout.viewportSize = { width: 600, height: 400 };
  layout.items = Array.from({ length: 400 }, (_, i) => i);
  layout.reflowIfNeeded(true);
  await frame();
  return { layout, config };
}

const positioned = (heard: LayoutHostMessage[]) => heard.filter((m) => m.type === 'stateChanged').length;

describe('library virtual list', () => {
  it('takes the same config again (every update of <lit-virtualizer>) without positioning the cards again', async () => {
    const heard: LayoutHostMessage[] = [];
    const { layout, config } = await gridOnItsOwn(heard);
    expect(positioned(heard)).to.be.greaterThan(0);
    heard.length = 0;
    // what lit-virtualizer does on each update: a fresh copy of the same config
    for (let i = 0; i < 3; i++) layout.config = { ...config };
    await frame();
    expect(positioned(heard)).to.equal(0);
  });

  it('lays the cards out again when the config does change', async () => {
    const heard: LayoutHostMessage[] = [];
    const { layout, config } = await gridOnItsOwn(heard);
    heard.length = 0;
    layout.config = { ...config, padding: '40px' };
    await frame();
    const state = heard.find((m) => m.type === 'stateChanged');
    expect(state?.childPositions.get(0)?.top).to.equal(40);
  });

  it('still lays the grid out again when its box changes', async () => {
    const host = await virtualizer(gridLayout, { text: 'a' });
    const before = host.querySelectorAll('.card').length;
    const resized = async () => {
      host.parentElement!.style.width = '300px';
    };
    expect(await laidOut(host, resized)).to.equal(true);
    // half the width: fewer cards a row, so fewer cards fill the same height
    expect(host.querySelectorAll('.card').length).to.be.lessThan(before);
  });
});
