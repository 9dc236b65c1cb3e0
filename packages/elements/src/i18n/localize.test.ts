import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { en } from './en.js';
import { fr } from './fr.js';
import { LocalizeController, registerLocale, stringsFor } from './localize.js';

class LocalizedProbe extends LitElement {
  static override properties = { strings: { attribute: false } };
  declare strings: Record<string, unknown> | undefined;
  readonly localize = new LocalizeController(this);
  protected override render() {
    return litHtml`${this.localize.strings.upload}|${this.localize.dir}`;
  }
}
customElements.define('localized-probe', LocalizedProbe);

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
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="fr"><localized-probe></localized-probe></div>`,
    );
    const probe = wrapper.querySelector<LocalizedProbe>('localized-probe')!;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Envoyer|ltr');
    wrapper.lang = 'en';
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Upload|ltr');
  });

  it('lets one element replace single strings, and picks up dir="rtl"', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><localized-probe .strings=${{ upload: 'Add media' }}></localized-probe></div>`,
    );
    const probe = wrapper.querySelector<LocalizedProbe>('localized-probe')!;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Add media|rtl');
  });

  it('takes the direction of a right-to-left locale when no dir is set', async () => {
    registerLocale('he', { ...en, locale: 'he', dir: 'rtl', upload: 'העלאה' });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="he"><localized-probe></localized-probe></div>`,
    );
    const probe = wrapper.querySelector<LocalizedProbe>('localized-probe')!;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('העלאה|rtl');
  });
});
