// `$me`: who the client is and what the server lets it do (`GET /me`), loaded when first watched,
// plus the pure questions elements ask of it. The server still checks everything; this only hides
// what would be refused.
import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { JsonFetcher } from './http.js';
import type { MediaFile, Me, Permissions } from './protocol.js';

export interface MeState {
  status: 'loading' | 'ready' | 'error';
  me: Me | null;
  error?: string;
}

export interface MeStore extends ReadableAtom<MeState> {
  /** asks the server again (after a sign-in or a role change) */
  reload(): Promise<void>;
}

export function createMeStore(fetcher: JsonFetcher): MeStore {
  const $me = atom<MeState>({ status: 'loading', me: null });
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loading ??= fetcher<Me>('/me')
      .then(
        (me) => $me.set({ status: 'ready', me }),
        (error: unknown) => $me.set({ status: 'error', me: null, error: (error as Error).message }),
      )
      .finally(() => (loading = undefined)));
  onMount($me, () => {
    if ($me.get().status !== 'ready') void load();
  });
  return Object.assign($me, { reload: load });
}

/**
 * Whether to offer `action`. Unknown (the server has no `/me`, or it failed): offered, and the
 * server's 403 is handled where it happens. While loading: not offered, so nothing flashes.
 */
export function permits(state: MeState, action: keyof Permissions): boolean {
  if (state.status === 'error') return true;
  return state.me?.can[action] === true;
}

const ownOrAny = (
  state: MeState,
  file: Pick<MediaFile, 'ownerId'>,
  own: keyof Permissions,
  any: keyof Permissions,
) =>
  permits(state, any) ||
  (permits(state, own) && (state.status === 'error' || file.ownerId === state.me?.userId));

export const mayDelete = (state: MeState, file: Pick<MediaFile, 'ownerId'>): boolean =>
  ownOrAny(state, file, 'delete', 'deleteAny');
export const mayTag = (state: MeState, file: Pick<MediaFile, 'ownerId'>): boolean =>
  ownOrAny(state, file, 'tag', 'tagAny');
export const mayRename = (state: MeState, file: Pick<MediaFile, 'ownerId'>): boolean =>
  ownOrAny(state, file, 'rename', 'renameAny');
