// Reads a nanostores atom of the Mediabay client in React, through useSyncExternalStore.
import { useSyncExternalStore } from 'react';

interface Readable<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export function useStore<T>(store: Readable<T>): T {
  return useSyncExternalStore(
    (notify) => store.subscribe(() => notify()),
    () => store.get(),
  );
}
