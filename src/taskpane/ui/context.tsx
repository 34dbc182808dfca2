// The store and the strings, for every component.

import { createContext, useContext, useSyncExternalStore } from 'react';
import { stringsFor, type Strings } from '../i18n';
import type { PaneState, PaneStore } from '../model/store';

export const StoreContext = createContext<PaneStore | null>(null);

export function useStore(): PaneStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('PhuLuc: StoreContext missing');
  return store;
}

export function usePaneState(): PaneState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

export function useStrings(): Strings {
  return stringsFor(usePaneState().settings.language);
}
