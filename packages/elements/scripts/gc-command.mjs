// Test-runner command `collect-garbage`: a full garbage collection of the page (CDP
// HeapProfiler.collectGarbage, on the Chrome launcher's puppeteer page), so a test can tell that
// something it let go of is not kept (a FinalizationRegistry's callback runs after it).
export function gcCommand() {
  const sessions = new WeakMap();
  return {
    name: 'mediabay-gc-command',
    async executeCommand({ command, session }) {
      if (command !== 'collect-garbage') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('HeapProfiler.collectGarbage');
      return true;
    },
  };
}
