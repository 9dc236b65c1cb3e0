// @mediabay/elements/vue: the tags in Vue 3 templates, typed for vue-tsc / Volar (types only).
//   import type {} from '@mediabay/elements/vue';   // once, e.g. in env.d.ts of the app
// Vue must also be told the tags are custom elements (compilerOptions.isCustomElement, see README).
// <media-library :client="client" @mb-selection-change="(e) => e.detail.ids" />: `:client` and
// `:strings` are set as properties; each `@mb-*` listener gets its typed CustomEvent.
// Importing this module does not register the tags: import '@mediabay/elements' (or one element).
import type { DefineComponent } from 'vue';
import type { MediabayEventMap, MediabayTagEvents, MediabayTagProps } from './framework-props.js';

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/** `onMbSelectionChange`-style listener props, as Vue compiles `@mb-selection-change`. */
export type MediabayVueListeners<K extends keyof MediabayEventMap> = {
  [E in K as `on${Pascal<E>}`]?: (event: MediabayEventMap[E]) => void;
};

/** Vue reads `max-size` and `maxSize` as one prop: the kebab-case attribute types it. */
type CamelTwins = 'uploadEndpoint' | 'maxSize' | 'maxFiles' | 'pageSize';

/** The template props of one tag: the element's attributes and properties, and its events. */
export type MediabayVueProps<Tag extends keyof MediabayTagProps> = Omit<MediabayTagProps[Tag], CamelTwins> &
  MediabayVueListeners<MediabayTagEvents[Tag]>;

declare module 'vue' {
  interface GlobalComponents {
    'media-library': DefineComponent<MediabayVueProps<'media-library'>>;
    'upload-dropzone': DefineComponent<MediabayVueProps<'upload-dropzone'>>;
    'upload-panel': DefineComponent<MediabayVueProps<'upload-panel'>>;
  }
}
