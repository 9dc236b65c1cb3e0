// A tus datastore with some of its methods replaced; every other property reads through to it.
// The store's own methods are bound to it once (not on every access: @tus/server reads them on
// every request, and a fresh bound function each time was garbage per call).
import type { DataStore } from '@tus/utils';

type Method = (...args: unknown[]) => unknown;

export function withMethods(store: DataStore, methods: Partial<DataStore>): DataStore {
  const bound = new Map<PropertyKey, { method: Method; bound: Method }>();
  return new Proxy(store, {
    get(target, property) {
      if (Object.hasOwn(methods, property)) return (methods as Record<PropertyKey, unknown>)[property];
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const known = bound.get(property);
      if (known?.method === value) return known.bound; // the same method as last time
      const entry = { method: value as Method, bound: (value as Method).bind(target) };
      bound.set(property, entry);
      return entry.bound;
    },
  });
}
