// The tags' template types ship with the elements: attributes, properties and `@mb-*` events.
import type {} from '@mediabay/elements/vue';
