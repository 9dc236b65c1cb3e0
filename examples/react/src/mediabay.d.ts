// The tags' JSX types ship with the elements: attributes, properties and `on<event>` listeners.
import type {} from '@mediabay/elements/react';
