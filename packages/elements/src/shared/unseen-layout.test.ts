// What an element lays out unseen on idle (shared/unseen-layout.ts) is laid out for real, the text in
// a box of `content-visibility: auto` (a panel row) included, and leaves nothing behind. Whether the
// text was laid out is read from a font of its own: the browser asks for a face the first time a
// layout shapes text in it.
import { expect, fixture, html } from '@open-wc/testing';
import { layOutUnseen } from './unseen-layout.js';

/** A face nothing else uses (its bytes are no font: it fails to load, after it was asked for). */
function probeFace(family: string): FontFace {
  const face = new FontFace(family, 'url(data:font/woff2;base64,AAAA)');
  document.fonts.add(face);
  return face;
}

describe('layOutUnseen', () => {
  it('lays out the text of a content-visibility: auto box before any frame, then removes its stage', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const face = probeFace('MbUnseenProbe');
    layOutUnseen(
      root,
      html`<p>first</p>`,
      html`<ul>
        <li style="content-visibility:auto;contain-intrinsic-size:auto 56px">
          <span style="font-family:MbUnseenProbe">the row's text</span>
          <span><b>last</b></span>
        </li>
      </ul>`,
    );
    expect(face.status, 'the face was asked for').to.not.equal('unloaded');
    expect(root.childNodes.length, 'no stage left').to.equal(0);
    document.fonts.delete(face);
  });
});
