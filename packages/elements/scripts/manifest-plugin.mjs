// custom-elements-manifest analyzer plugin: what JSDoc alone does not give the manifest.
// - Events get their type (`CustomEvent<{ ids: string[] }>`) from src/shared/events.ts, and the
//   bogus event the analyzer reads from `emit(type, ...)` (named `type`) is dropped.
// - Every element lists the global tokens (`--mb-color-*`, `--mb-radius`, ...) of src/styles/tokens.ts
//   beside its own custom properties: each element reads them.
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../src/${path}`, import.meta.url), 'utf8');

/** `mb-files-added` -> `CustomEvent<{ accepted: UploadItem[]; rejected: Rejection[] }>` */
export function eventTypes(source = read('shared/events.ts')) {
  const aliases = new Map(
    [...source.matchAll(/^export type (\w+) = (CustomEvent<.+>);$/gm)].map((m) => [m[1], m[2]]),
  );
  const map = source.slice(source.indexOf('interface MediabayEventMap'));
  return new Map(
    [...map.matchAll(/'(mb-[a-z-]+)': (\w+);/g)].map((m) => [m[1], { alias: m[2], text: aliases.get(m[2]) }]),
  );
}

/** The global tokens: `--mb-color-<name>` for each colour, and the other `var(--mb-*)` of tokens.ts. */
export function globalTokens(source = read('styles/tokens.ts')) {
  const light = source.slice(source.indexOf('const light = {'), source.indexOf('};'));
  const colours = [...light.matchAll(/^\s+'?([a-z0-9-]+)'?: '([^']+)',$/gm)].map((m) => ({
    name: `--mb-color-${m[1]}`,
    description: `Global token: the ${m[1].replace(/-/g, ' ')} colour (light default \`${m[2]}\`; \`theme="dark"\` has its own).`,
  }));
  const others = [
    ...new Set([...source.matchAll(/var\(\s*(--mb-(?!color-)[a-z0-9-]+)/g)].map((m) => m[1])),
  ].map((name) => ({
    name,
    description: `Global token (${name.slice(5).replace(/-/g, ' ')}), read by every element.`,
  }));
  return [...colours, ...others];
}

export function mediabayManifestPlugin() {
  const types = eventTypes();
  const tokens = globalTokens();
  return {
    name: 'mediabay-manifest',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          declaration.events = (declaration.events ?? [])
            .filter((event) => event.name !== 'type' || event.description)
            .map((event) => {
              const known = types.get(event.name);
              return known
                ? {
                    ...event,
                    type: { text: known.text },
                    description: `${event.description ?? ''} (\`${known.alias}\`)`.trim(),
                  }
                : event;
            });
          if (!declaration.tagName) continue;
          const own = new Set((declaration.cssProperties ?? []).map((p) => p.name));
          declaration.cssProperties = [
            ...(declaration.cssProperties ?? []),
            ...tokens.filter((token) => !own.has(token.name)),
          ];
        }
    },
  };
}
