// Bounded slots per caller: how many sockets (or upgrades being judged) one caller may hold at once.
export interface CallerSlots {
  /** Takes a slot of `key`; false when the caller already holds `max` of them. */
  take(key: string): boolean;
  /** Gives one slot of `key` back (once per successful take). */
  give(key: string): void;
  held(key: string): number;
}

export function createCallerSlots(max: number): CallerSlots {
  const counts = new Map<string, number>();
  return {
    take(key) {
      const held = counts.get(key) ?? 0;
      if (max > 0 && held >= max) return false;
      counts.set(key, held + 1);
      return true;
    },
    give(key) {
      const held = (counts.get(key) ?? 0) - 1;
      if (held > 0) counts.set(key, held);
      else counts.delete(key);
    },
    held: (key) => counts.get(key) ?? 0,
  };
}
