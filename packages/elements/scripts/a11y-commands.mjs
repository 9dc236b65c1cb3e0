// Test-runner commands for the accessibility tests (issue 18), on the Chrome launcher's puppeteer page:
// `forced-colors` emulates Windows-style high contrast (CDP Emulation.setEmulatedMedia; the stock
// emulateMedia command passes only colour scheme and reduced motion to puppeteer), `screenshot-clip`
// returns a PNG of a rectangle of the page (base64), so a test can compare focused and blurred states.
export function a11yCommands() {
  /** one CDP session per page: an emulation lasts as long as the session that set it */
  const sessions = new WeakMap();
  return {
    name: 'mediabay-a11y-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors' && command !== 'screenshot-clip') return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'forced-colors') {
        if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
        await sessions.get(page).send('Emulation.setEmulatedMedia', {
          features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
        });
        return true;
      }
      const { x, y, width, height } = payload;
      return page.screenshot({
        clip: { x, y, width, height },
        encoding: 'base64',
        captureBeyondViewport: false,
      });
    },
  };
}
