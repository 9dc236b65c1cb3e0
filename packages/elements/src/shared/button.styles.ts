// The declarations the text buttons share (the panel's batch actions, the library's toolbar, actions,
// preview and dialogs, the dropzone's button and links), composed into each sheet's own selectors:
//   css`.tool-button { ${buttonReset} height: 32px; } .tool-button:focus-visible { ${focusRing} }`
// (the round icon button is `iconButton` in styles/tokens.ts).
import { css } from 'lit';

/** A button without the browser's border and fill, that shows it can be pressed. */
export const buttonReset = css`
  border: 0;
  background: transparent;
  cursor: pointer;
`;

/**
 * The keyboard focus ring: the theme's shadow ring, and a transparent outline that forced colors
 * paint instead (they drop the shadow).
 */
export const focusRing = css`
  outline: 2px solid transparent;
  outline-offset: 2px;
  box-shadow: var(--_focus);
`;

/** The hover of a button in the accent colour: a faint wash of it. */
export const accentHover = css`
  background: color-mix(in srgb, var(--_accent) 8%, transparent);
`;
