// Polling waits for locators (Playwright's own waits cannot count across shadow roots), and optional
// screenshots of what a test saw, kept when MEDIABAY_SCREENSHOTS names a directory.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export async function waitForCount(locator: Locator, count: number, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await locator.count()) < count) {
    if (Date.now() > deadline)
      throw new Error(`expected ${count} of ${locator}, saw ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitForText(locator: Locator, text: string | RegExp, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = (await locator.count()) > 0 ? await locator.first().innerText() : '';
    if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return;
    if (Date.now() > deadline) throw new Error(`expected ${locator} to show ${text}, saw "${seen}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.MEDIABAY_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Collects page errors and console errors, so a test can assert a clean page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}
