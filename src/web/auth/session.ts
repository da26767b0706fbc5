import { useSyncExternalStore } from 'react';
import type { SessionUser } from '../../contract/accounts.ts';
import { onPasswordChangeRequired, onUnauthenticated, setCsrfToken } from '../http/client.ts';
import { deleteSession, fetchSession, postSession } from './api.ts';

export interface SessionState {
  /** 'loading' until the first GET /api/session answers. */
  status: 'loading' | 'ready';
  user: SessionUser | null;
  /** Signed in with a one-time password: the app shows only the password change until it is done. */
  mustChangePassword: boolean;
}

/**
 * The signed-in user as a small external store (no provider to wire in): loaded once, replaced on
 * sign-in and sign-out, and emptied by any 401 so that the shell shows the sign-in page.
 */
let state: SessionState = { status: 'loading', user: null, mustChangePassword: false };
const listeners = new Set<() => void>();
let started = false;

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function start(): void {
  if (started) return;
  started = true;
  onUnauthenticated(() => {
    setCsrfToken(null);
    set({ status: 'ready', user: null, mustChangePassword: false });
  });
  onPasswordChangeRequired(() => set({ ...state, mustChangePassword: true }));
  fetchSession().then(
    (session) => set({ status: 'ready', user: session.user, mustChangePassword: session.mustChangePassword }),
    () => set({ status: 'ready', user: null, mustChangePassword: false }),
  );
}

function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

export async function signIn(username: string, password: string): Promise<void> {
  const session = await postSession(username, password);
  set({ status: 'ready', user: session.user, mustChangePassword: session.mustChangePassword });
}

/** The one-time password was replaced: the whole app opens. */
export function passwordChanged(): void {
  set({ ...state, mustChangePassword: false });
}

export async function signOut(): Promise<void> {
  try {
    await deleteSession();
  } finally {
    set({ status: 'ready', user: null, mustChangePassword: false });
  }
}
