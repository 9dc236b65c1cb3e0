// Headless Debian Chromium through playwright-core, and a fresh bench page per measurement.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Widget } from './build.js';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function openBenchPage(browser: Browser, baseUrl: string, widget: Widget): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[${widget}] ${error.message}`));
  await page.goto(`${baseUrl}/${widget}.html`);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}
