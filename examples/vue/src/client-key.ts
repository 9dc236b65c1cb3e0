// The injection key of the shared Mediabay client, so components get it typed.
import type { InjectionKey } from 'vue';
import type { MediaClient } from '@mediabay/core';

export const clientKey: InjectionKey<MediaClient> = Symbol('mediabay-client');
