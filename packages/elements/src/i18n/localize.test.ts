import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement, html as litHtml, type TemplateResult } from 'lit';
import { en } from './en.js';
import { fr } from './fr.js';
import { LocalizeController, registerLocale, stringsFor } from './localize.js';

class LocalizedProbe extends LitElement {
  static override properties = { strings: { attribute: false } };
  declare strings: Record<string, unknown> | undefined;
  readonly localize = new LocalizeController(this);
  renders = 0;
  protected override render() {
    this.renders += 1;
    return litHtml`${this.localize.strings.upload}|${this.localize.dir}`;
  }
}
customElements.define('localized-probe', LocalizedProbe);

/** `template` (which holds one probe) on the page, with the probe rendered */
async function mount(template: TemplateResult): Promise<{ wrapper: HTMLDivElement; probe: LocalizedProbe }> {
  const wrapper = await fixture<HTMLDivElement>(template);
  const probe = wrapper.querySelector<LocalizedProbe>('localized-probe')!;
  await probe.updateComplete;
  return { wrapper, probe };
}

describe('localize', () => {
  before(() => registerLocale('fr', fr)); // already shipped; registering again must be harmless

  it('finds a registered locale by exact tag, then by language, else English', () => {
    expect(stringsFor('fr')).to.equal(fr);
    expect(stringsFor('fr-CA')).to.equal(fr);
    expect(stringsFor('xx')).to.equal(en);
    expect(stringsFor(undefined)).to.equal(en);
  });

  it('gives every locale every key', () => {
    expect(Object.keys(fr).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('follows the closest lang, and re-renders when it changes', async () => {
    const { wrapper, probe } = await mount(html`<div lang="fr"><localized-probe></localized-probe></div>`);
    expect(probe.shadowRoot!.textContent).to.equal('Envoyer|ltr');
    wrapper.lang = 'en';
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Upload|ltr');
  });

  it('lets one element replace single strings, and picks up dir="rtl"', async () => {
    const { probe } = await mount(
      html`<div dir="rtl"><localized-probe .strings=${{ upload: 'Add media' }}></localized-probe></div>`,
    );
    expect(probe.shadowRoot!.textContent).to.equal('Add media|rtl');
  });

  it('takes the direction of a right-to-left locale when no dir is set', async () => {
    registerLocale('he', { ...en, locale: 'he', dir: 'rtl', upload: 'העלאה' });
    const { probe } = await mount(html`<div lang="he"><localized-probe></localized-probe></div>`);
    expect(probe.shadowRoot!.textContent).to.equal('העלאה|rtl');
  });

  it('follows a lang change above it without being asked to update', async () => {
    const { wrapper, probe } = await mount(
      html`<div lang="fr">
        <section><localized-probe></localized-probe></section>
      </div>`,
    );
    wrapper.setAttribute('lang', 'en');
    await nextFrame();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Upload|ltr');
    wrapper.querySelector('section')!.setAttribute('dir', 'rtl');
    await nextFrame();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Upload|rtl');
  });

  it('follows lang and dir set inside the shadow root it sits in, and a move to another language', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><div class="host"></div></div>`);
    const outer = wrapper.querySelector('.host')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<div class="inner"><localized-probe></localized-probe></div>';
    const probe = outer.querySelector<LocalizedProbe>('localized-probe')!;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Envoyer|ltr');
    outer.querySelector('.inner')!.setAttribute('lang', 'en');
    outer.querySelector('.inner')!.setAttribute('dir', 'rtl');
    await nextFrame();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Upload|rtl');
    const french = await fixture<HTMLDivElement>(html`<div lang="fr" dir="ltr"></div>`);
    french.append(probe);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Envoyer|ltr');
  });

  it('reads no lang or dir on an update where nothing changed, and keeps the same strings object', async () => {
    const own = { upload: 'Add media' };
    const { probe } = await mount(
      html`<div lang="fr"><localized-probe .strings=${own}></localized-probe></div>`,
    );
    const first = probe.localize.strings;
    const read = Element.prototype.getAttribute;
    let reads = 0;
    Element.prototype.getAttribute = function (this: Element, name: string) {
      if (name === 'lang' || name === 'dir') reads += 1;
      return read.call(this, name);
    };
    try {
      for (let i = 0; i < 20; i++) {
        probe.requestUpdate();
        await probe.updateComplete;
      }
    } finally {
      Element.prototype.getAttribute = read;
    }
    expect(reads).to.equal(0);
    expect(probe.localize.strings).to.equal(first);
    expect(first.cancelAll).to.equal(fr.cancelAll);
    probe.strings = { upload: 'Add files' };
    await probe.updateComplete;
    expect(probe.localize.strings).not.to.equal(first);
    expect(probe.shadowRoot!.textContent).to.equal('Add files|ltr');
  });

  it('renders again with a locale registered after it', async () => {
    const { probe } = await mount(html`<div lang="xx-late"><localized-probe></localized-probe></div>`);
    expect(probe.shadowRoot!.textContent).to.equal('Upload|ltr');
    registerLocale('xx-late', { ...en, upload: 'Late', dir: 'rtl' });
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Late|rtl');
  });

  it('renders again for a lang change above it, not for one elsewhere on the page', async () => {
    const { wrapper, probe } = await mount(
      html`<div>
        <p dir="auto">text</p>
        <div lang="fr"><localized-probe></localized-probe></div>
      </div>`,
    );
    const before = probe.renders;
    wrapper.querySelector('p')!.setAttribute('dir', 'rtl');
    wrapper.querySelector('p')!.setAttribute('lang', 'de');
    await nextFrame();
    await probe.updateComplete;
    expect(probe.renders).to.equal(before);
    wrapper.setAttribute('dir', 'rtl');
    await nextFrame();
    await probe.updateComplete;
    expect(probe.renders).to.equal(before + 1);
    expect(probe.shadowRoot!.textContent).to.equal('Envoyer|rtl');
  });
});
