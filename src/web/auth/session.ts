import { useSyncExternalStore } from 'react';
import type { SessionUser } from '../../contract/accounts.ts';
import { onUnauthenticated, setCsrfToken } from '../http/client.ts';
import { deleteSession, fetchSession, postSession } from './api.ts';

export interface SessionState {
  /** 'loading' until the first GET /api/session answers. */
  status: 'loading' | 'ready';
  user: SessionUser | null;
}

/**
 * The signed-in user as a small external store (no provider to wire in): loaded once, replaced on
 * sign-in and sign-out, and emptied by any 401 so that the shell shows the sign-in page.
 */
let state: SessionState = { status: 'loading', user: null };
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
    set({ status: 'ready', user: null });
  });
  fetchSession().then(
    (session) => set({ status: 'ready', user: session.user }),
    () => set({ status: 'ready', user: null }),
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
  set({ status: 'ready', user: session.user });
}

export async function signOut(): Promise<void> {
  try {
    await deleteSession();
  } finally {
    set({ status: 'ready', user: null });
  }
}
