// Reads a nanostores atom of the Mediabay client as a Vue ref, unsubscribing with the component.
import { onScopeDispose, shallowRef, type Ref } from 'vue';

interface Readable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export function useStore<T>(store: Readable<T>): Readonly<Ref<T>> {
  const value = shallowRef(store.get());
  onScopeDispose(store.subscribe((next) => (value.value = next)));
  return value;
}
