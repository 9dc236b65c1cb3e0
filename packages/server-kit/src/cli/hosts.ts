// Which Host headers `mediabay serve` answers (http/host-guard.ts): on loopback the loopback names;
// with --public-host those names too; bound to another address without --public-host, any (with a
// warning at start, as DNS rebinding is then possible).
import { isLoopback, LOOPBACK_HOSTS } from '../http/host-guard.js';

export function allowedHostsFor(bind: string, publicHosts: readonly string[] = []): string[] | undefined {
  if (publicHosts.length === 0 && !isLoopback(bind)) return undefined;
  return [...new Set([...LOOPBACK_HOSTS, ...publicHosts])];
}

/** `a.example,b.example:8443` as host names; URLs, paths and blanks are refused. */
export function parseHosts(list: string, source: string): string[] {
  const hosts: string[] = [];
  for (const item of list.split(',').map((value) => value.trim())) {
    if (item === '') continue;
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(item))
      throw new Error(`${source}: "${item}" is not a host name like media.example.com (no scheme, no path).`);
    hosts.push(item.toLowerCase());
  }
  return hosts;
}
