// Design tokens shared by every element. Public knobs are global `--mb-color-*`-style properties; each
// element reads them through private `--_*` aliases whose fallbacks differ for light and dark.
import { css, unsafeCSS } from 'lit';
import { focusRing } from '../shared/button.styles.js';

const light = {
  surface: '#ffffff',
  'surface-2': '#f0f4f9',
  'surface-3': '#e3e9f1',
  text: '#1f1f1f',
  'text-muted': '#5e6368',
  border: '#dde3ea',
  accent: '#0b57d0',
  'accent-soft': '#d3e3fd',
  'on-accent': '#ffffff',
  success: '#146c2e',
  danger: '#b3261e',
  'danger-soft': '#fce8e6',
  warning: '#8a5300',
  scrim: 'rgb(0 0 0 / 0.4)',
  shadow: '0 4px 8px 3px rgb(60 64 67 / 0.15), 0 1px 3px rgb(60 64 67 / 0.3)',
};

const dark: typeof light = {
  surface: '#1e1f20',
  'surface-2': '#282a2c',
  'surface-3': '#333537',
  text: '#e3e3e3',
  'text-muted': '#a8abb0',
  border: '#444746',
  accent: '#a8c7fa',
  'accent-soft': '#0842a0',
  'on-accent': '#062e6f',
  success: '#6dd58c',
  danger: '#f2b8b5',
  'danger-soft': '#601410',
  warning: '#ffb95c',
  scrim: 'rgb(0 0 0 / 0.6)',
  shadow: '0 4px 8px 3px rgb(0 0 0 / 0.3), 0 1px 3px rgb(0 0 0 / 0.5)',
};

const aliases = (values: typeof light) =>
  unsafeCSS(
    Object.entries(values)
      .map(([name, value]) => `--_${name}: var(--mb-color-${name}, ${value});`)
      .join('\n'),
  );

/**
 * `theme` attribute: `light` (default: host pages are mostly light and do not expect a dark
 * island), `dark`, or `auto` to follow `prefers-color-scheme`.
 */
export const tokens = css`
  :host {
    ${aliases(light)}
    --_radius: var(--mb-radius, 12px);
    --_radius-sm: var(--mb-radius-small, 8px);
    --_font: var(
      --mb-font-family,
      'Google Sans',
      Roboto,
      system-ui,
      -apple-system,
      'Segoe UI',
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_focus: var(--mb-focus-ring, 0 0 0 2px var(--_surface), 0 0 0 4px var(--_accent));
    --_duration: var(--mb-motion-duration, 180ms);
    color-scheme: light;
    font-family: var(--_font);
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }
  :host([theme='dark']) {
    ${aliases(dark)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${aliases(dark)}
      color-scheme: dark;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Round icon buttons used by the panel rows and the toolbar. */
export const iconButton = css`
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
    transition: background-color var(--_duration);
  }
  .icon-button:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .icon-button:focus-visible {
    ${focusRing}
  }
  .icon-button svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
  @media (forced-colors: active) {
    .icon-button:focus-visible {
      outline: 2px solid Highlight;
    }
  }
`;
