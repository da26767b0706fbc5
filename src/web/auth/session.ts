import { useSyncExternalStore } from 'react';
import type { SessionResponse, SessionUser } from '../../contract/accounts.ts';
import { onPasswordChangeRequired, onUnauthenticated, setCsrfToken } from '../http/client.ts';
import { deleteSession, fetchSession, postSession } from './api.ts';

export interface SessionState {
  /** 'loading' until the first GET /api/session answers. */
  status: 'loading' | 'ready';
  user: SessionUser | null;
  /** Signed in with a one-time password: the app shows only the password change until it is done. */
  mustChangePassword: boolean;
  /** The user's permission → scope, from the server (null when signed out): what the screens offer. */
  permissions: SessionResponse['permissions'];
}

/**
 * The signed-in user as a small external store (no provider to wire in): loaded once, replaced on
 * sign-in and sign-out, and emptied by any 401 so that the shell shows the sign-in page.
 */
let state: SessionState = { status: 'loading', user: null, mustChangePassword: false, permissions: null };
const SIGNED_OUT: SessionState = { status: 'ready', user: null, mustChangePassword: false, permissions: null };
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
    set(SIGNED_OUT);
  });
  onPasswordChangeRequired(() => set({ ...state, mustChangePassword: true }));
  fetchSession().then(
    (session) => set(stateOf(session)),
    () => set(SIGNED_OUT),
  );
}

function stateOf(session: SessionResponse): SessionState {
  return {
    status: 'ready',
    user: session.user,
    mustChangePassword: session.mustChangePassword,
    permissions: session.permissions,
  };
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
  set(stateOf(await postSession(username, password)));
}

/** The one-time password was replaced: the whole app opens. */
export function passwordChanged(): void {
  set({ ...state, mustChangePassword: false });
}

export async function signOut(): Promise<void> {
  try {
    await deleteSession();
  } finally {
    set(SIGNED_OUT);
  }
}
