// The frame every story renders in: page language and direction, a backdrop matching the theme, and
// one client per recording (kept across re-renders, so changing a control does not reset it).
import { html, type TemplateResult } from 'lit';
import type { MediaClient } from '@mediabay/core';
import { recordedClient, type Recording } from './recorded-client.js';

export interface FrameArgs {
  theme: 'light' | 'dark' | 'auto';
  lang: 'en' | 'fr' | 'he';
  dir: 'ltr' | 'rtl';
}

export const frameArgTypes = {
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  lang: { control: 'inline-radio', options: ['en', 'fr', 'he'] },
  dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
} as const;

export const frameDefaults: FrameArgs = { theme: 'light', lang: 'en', dir: 'ltr' };

const clients = new WeakMap<Recording, MediaClient>();

export function clientFor(recording: Recording): MediaClient {
  let client = clients.get(recording);
  if (!client) clients.set(recording, (client = recordedClient(recording)));
  return client;
}

export function frame(args: FrameArgs, content: TemplateResult): TemplateResult {
  const dark = args.theme === 'dark';
  return html`<div
    lang=${args.lang}
    dir=${args.dir}
    style="min-height:100vh;box-sizing:border-box;padding:16px;display:flex;flex-direction:column;background:${
      dark ? '#101216' : '#f6f7f9'
    };color:${dark ? '#e7e9ee' : '#1d2127'};font-family:system-ui,sans-serif"
  >
    ${content}
  </div>`;
}

/** Manifest entries a story does not bind: listed in the docs table, with no control that would do nothing. */
export const documentedOnly = (...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, { control: false }]));
