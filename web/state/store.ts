// A minimal observable store around `reduce`: dispatch an action, subscribers get the new state.
import { INITIAL_STATE, reduce, type Action, type AppState } from './app-state.js';

export interface Store {
  getState(): AppState;
  dispatch(action: Action): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

export function createStore(initial: AppState = INITIAL_STATE): Store {
  let state = initial;
  const listeners = new Set<(state: AppState, previous: AppState) => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reduce(state, action);
      if (state === previous) return;
      for (const l of [...listeners]) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
