// The two button shapes the elements repeat: a labelled tool button (an icon and its words) and an
// icon-only button (its label in aria-label and title). They take the icon drawn, so the first
// screen (icons.ts) and the parts after first paint (icons-later.ts) share them.
import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';

/** An icon and its words; `danger` for the destructive ones (Delete, Delete forever). */
export function toolButton(
  part: string,
  glyph: SVGTemplateResult,
  label: string,
  onClick: () => void,
  danger = false,
): TemplateResult {
  return html`<button
    class=${danger ? 'tool-button danger' : 'tool-button'}
    part=${part}
    type="button"
    @click=${onClick}
  >
    ${glyph}<span>${label}</span>
  </button>`;
}

/** An icon alone, named by `label` for assistive technology and on hover. */
export function iconButton(
  part: string | undefined,
  glyph: SVGTemplateResult,
  label: string,
  onClick: () => void,
): TemplateResult {
  return html`<button
    class="icon-button"
    part=${part ?? nothing}
    type="button"
    aria-label=${label}
    title=${label}
    @click=${onClick}
  >
    ${glyph}
  </button>`;
}
