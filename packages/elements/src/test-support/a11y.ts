// Helpers of the accessibility tests: forced colors on and off, a screenshot of an element's
// surroundings, and keyboard modality (so programmatic focus shows :focus-visible as Tab would).
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

export async function forcedColors(active: boolean): Promise<void> {
  await executeServerCommand('forced-colors', { active });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** A PNG (base64) of `element` and `margin` px around it, where a focus ring would be drawn. */
export async function shot(element: Element, margin = 6): Promise<string> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const box = element.getBoundingClientRect();
  const x = Math.max(0, Math.floor(box.left - margin));
  const y = Math.max(0, Math.floor(box.top - margin));
  return executeServerCommand<string, object>('screenshot-clip', {
    x,
    y,
    width: Math.ceil(box.right + margin) - x,
    height: Math.ceil(box.bottom + margin) - y,
  }) as Promise<string>;
}

/** Focus as the keyboard gives it: a key press first, so :focus-visible matches like after Tab. */
export async function keyboardFocus(element: HTMLElement): Promise<void> {
  await sendKeys({ press: 'Shift' });
  element.focus();
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Looks the same focused and blurred? (the screenshots are equal) */
export async function focusShows(element: HTMLElement): Promise<boolean> {
  element.blur();
  const blurred = await shot(element);
  await keyboardFocus(element);
  const focused = await shot(element);
  element.blur();
  return blurred !== focused;
}
