// custom-elements.json against the code: the analyzer runs on the sources, then every `part=` in a
// template (by the folder of the element that renders it; shared/ templates belong to any), every
// event a component emits, every `--mb-*` custom property the styles read and every named slot must
// be in the manifest, and every event must carry a type.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const elements = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const TAGS = {
  'media-library': 'media-library',
  'upload-panel': 'upload-panel',
  'upload-dropzone': 'upload-dropzone',
};

interface Named {
  name: string;
  description?: string;
  type?: { text?: string };
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}

const declared = new Map<string, Declaration>();
const sources = new Map<string, string>(); // src-relative path -> text (no tests, no test support)

before(async () => {
  const out = await mkdtemp(join(tmpdir(), 'mb-manifest-'));
  try {
    // the analyzer joins --outdir to its working directory
    await run('npx', ['cem', 'analyze', '--quiet', '--outdir', relative(elements, out)], { cwd: elements });
    const manifest = JSON.parse(await readFile(join(out, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    for (const mod of manifest.modules)
      for (const declaration of mod.declarations ?? [])
        if (declaration.customElement && declaration.tagName) declared.set(declaration.tagName, declaration);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  const src = join(elements, 'src');
  for (const entry of await readdir(src, { recursive: true })) {
    if (!entry.endsWith('.ts') || /\.test\.ts$|test-support/.test(entry)) continue;
    sources.set(relative(src, join(src, entry)), await readFile(join(src, entry), 'utf8'));
  }
});

/** The elements a source file renders for: its folder's element, or all of them for shared code. */
function ownersOf(path: string): string[] {
  const folder = path.split('/')[0]!;
  return folder in TAGS ? [folder] : Object.keys(TAGS);
}

/** part names a template gives, a `${...}` in one read as "any name" */
function partsIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\bpart="([^"]*)"/g)) {
    const value = match[1]!.replace(/\$\{[^}]*\?\s*'\s*([\w-]+)'\s*:\s*''\s*\}/g, ' $1'); // cond ? ' x' : ''
    names.push(...value.split(/\s+/).filter(Boolean));
  }
  return names;
}

test('the analyzer found the three elements', () => {
  assert.deepEqual([...declared.keys()].sort(), Object.keys(TAGS).sort());
});

test('every part a template gives is in the manifest of the element that renders it', () => {
  const missing: string[] = [];
  const fixed = new Set([...sources.values()].flatMap(partsIn).filter((part) => !part.includes('${')));
  for (const [path, text] of sources)
    for (const part of partsIn(text)) {
      const pattern = new RegExp(`^${part.replace(/\$\{[^}]*\}/g, '[\\w-]+')}$`);
      const documented = ownersOf(path).some((tag) =>
        // a `row-${status}` part is documented by its values (row-queued, ...), not by row-name
        (declared.get(tag)!.cssParts ?? []).some(
          (p) => pattern.test(p.name) && (!part.includes('${') || !fixed.has(p.name)),
        ),
      );
      if (!documented) missing.push(`${part} (${path})`);
    }
  assert.deepEqual(missing, [], 'parts missing from custom-elements.json (add a @csspart line)');
});

test('every event an element emits is in its manifest, with its detail type', () => {
  for (const [tag, declaration] of declared) {
    const events = declaration.events ?? [];
    for (const event of events) {
      assert.match(event.name, /^mb-[a-z-]+$/, `${tag}: ${event.name} is a real event name`);
      assert.match(event.type?.text ?? '', /^CustomEvent<.+>$/, `${tag}: ${event.name} has a detail type`);
    }
  }
  const missing: string[] = [];
  for (const [path, text] of sources)
    for (const match of text.matchAll(/\bemit\(\s*'(mb-[a-z-]+)'/g))
      if (!ownersOf(path).some((tag) => (declared.get(tag)!.events ?? []).some((e) => e.name === match[1])))
        missing.push(`${match[1]} (${path})`);
  assert.deepEqual(missing, [], 'events emitted but not in custom-elements.json (add an @event line)');
});

test('every --mb-* property the styles read is documented, the global tokens on every element', () => {
  const used = new Set<string>();
  for (const text of sources.values())
    for (const match of text.matchAll(/var\(\s*(--mb-[a-z0-9-]*[a-z0-9])\b(?!-)/g)) used.add(match[1]!);
  const tokens = sources.get('styles/tokens.ts')!;
  for (const colour of tokens
    .slice(tokens.indexOf('const light'), tokens.indexOf('};'))
    .matchAll(/^\s+'?([a-z0-9-]+)'?:/gm))
    used.add(`--mb-color-${colour[1]}`);
  const everywhere = [...used].filter((name) => tokens.includes(name) || name.startsWith('--mb-color-'));
  assert.ok(everywhere.length >= 15, 'the global tokens were found');
  for (const [tag, declaration] of declared) {
    const names = new Set((declaration.cssProperties ?? []).map((p) => p.name));
    for (const name of everywhere) assert.ok(names.has(name), `${tag} lists the global ${name}`);
  }
  const all = new Set([...declared.values()].flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)));
  assert.deepEqual(
    [...used].filter((name) => !all.has(name)),
    [],
    'custom properties read by the styles but not documented (add a @cssproperty line)',
  );
});

test('every slot a template has is documented', () => {
  for (const [path, text] of sources)
    for (const match of text.matchAll(/<slot(?:\s+name="([\w-]+)")?/g)) {
      const name = match[1] ?? '';
      assert.ok(
        ownersOf(path).some((tag) => (declared.get(tag)!.slots ?? []).some((slot) => slot.name === name)),
        `slot "${name}" of ${path} is documented`,
      );
    }
});
