// An npm registry on loopback for install tests that must not reach the network: it serves our
// packages from the tarballs `pnpm pack` made, and every third-party package they (and the test
// app's tools) need from the copy pnpm already installed in this checkout, packed on the fly.
// npm then installs as it would from the public registry: ranges resolved, peers, bins.
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

interface Served {
  manifest: Manifest;
  /** a tarball made by `pnpm pack`, or a package directory to pack when asked */
  tarball?: string;
  dir?: string;
}

/** Node's lookup of `name` from a package directory (pnpm's layout: siblings in .pnpm/x/node_modules). */
function locate(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export interface PackRegistry {
  url: string;
  /** every name@version served (for messages) */
  served(): string[];
  close(): Promise<void>;
}

/**
 * `tarballs`: our packed packages, each with its workspace folder (where its dependencies are
 * installed). `roots`: [directory, package name] pairs to serve with everything
 * they depend on (resolved from that directory, as Node would).
 */
export async function startPackRegistry(
  tarballs: [tarball: string, workspaceDir: string][],
  roots: [fromDir: string, name: string][],
): Promise<PackRegistry> {
  const packages = new Map<string, Map<string, Served>>();
  const add = (served: Served): boolean => {
    const versions = packages.get(served.manifest.name) ?? new Map<string, Served>();
    packages.set(served.manifest.name, versions);
    if (versions.has(served.manifest.version)) return false;
    versions.set(served.manifest.version, served);
    return true;
  };
  /** `manifest` as served: no dev dependencies or scripts, and only what the copy at `dir` has */
  const servedManifest = (dir: string, manifest: Manifest): { manifest: Manifest; wanted: string[] } => {
    // What the copy here does not have is not needed: an optional peer or dependency pnpm left out.
    const kept: Record<string, Record<string, string>> = {};
    const wanted: string[] = [];
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies'] as const) {
      kept[field] = {};
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        const ours = name.startsWith('@mediabay/'); // served from our tarballs
        if (!ours && !locate(dir, name)) continue;
        kept[field]![name] = range;
        if (!ours) wanted.push(name);
      }
    }
    const { devDependencies: _dev, scripts: _scripts, ...rest } = manifest;
    return { manifest: { ...rest, ...kept }, wanted };
  };
  const visit = async (dir: string, packed?: { manifest: Manifest; tarball: string }): Promise<void> => {
    const original =
      packed?.manifest ?? (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest);
    const { manifest, wanted } = servedManifest(dir, original);
    if (!add(packed ? { manifest, tarball: packed.tarball } : { manifest, dir })) return;
    for (const name of wanted) await visit(locate(dir, name)!);
  };

  for (const [tarball, workspaceDir] of tarballs) {
    const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
    await visit(workspaceDir, { manifest: JSON.parse(stdout) as Manifest, tarball });
  }
  for (const [fromDir, name] of roots) {
    const dir = locate(fromDir, name);
    if (!dir) throw new Error(`${name} is not installed under ${fromDir}`);
    await visit(dir);
  }

  const server = http.createServer((req, res) => {
    void answer(req.url ?? '/', res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  const answer = async (url: string, res: http.ServerResponse): Promise<void> => {
    const path = decodeURIComponent(url.split('?')[0]!.slice(1));
    const tarballMatch = /^-\/(.+)\/(\d[^/]*)\.tgz$/.exec(path);
    if (tarballMatch) {
      const served = packages.get(tarballMatch[1]!)?.get(tarballMatch[2]!);
      if (!served) return void res.writeHead(404).end();
      const body = served.tarball
        ? await readFile(served.tarball)
        : (
            await run(
              'tar',
              [
                '-czf',
                '-',
                '--transform',
                's,^\\.,package,',
                '--exclude=./node_modules',
                '--hard-dereference', // npm drops hard-link entries (pnpm's store hard-links files)
                '-C',
                served.dir!,
                '.',
              ],
              {
                encoding: 'buffer',
                maxBuffer: 512 * 1024 * 1024,
              },
            )
          ).stdout;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      return void res.end(body);
    }
    const versions = packages.get(path);
    if (!versions) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    const { port } = server.address() as AddressInfo;
    const entries = [...versions.values()].map(({ manifest }) => [
      manifest.version,
      {
        ...manifest,
        dist: { tarball: `http://127.0.0.1:${port}/-/${manifest.name}/${manifest.version}.tgz` },
      },
    ]);
    const latest = [...versions.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1)!;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ name: path, 'dist-tags': { latest }, versions: Object.fromEntries(entries) }));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    served: () =>
      [...packages].flatMap(([name, versions]) => [...versions.keys()].map((v) => `${name}@${v}`)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
