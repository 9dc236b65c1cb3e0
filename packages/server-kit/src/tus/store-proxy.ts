// A tus datastore with some of its methods replaced; every other property reads through to it.
import type { DataStore } from '@tus/utils';

export function withMethods(store: DataStore, methods: Partial<DataStore>): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (Object.hasOwn(methods, property)) return (methods as Record<PropertyKey, unknown>)[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
