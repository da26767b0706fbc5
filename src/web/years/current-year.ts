import { useEffect, useSyncExternalStore } from 'react';
import type { FiscalYear } from '../../contract/fiscal-years.ts';
import { useSession } from '../auth/session.ts';
import { fetchYears } from './api.ts';

/**
 * The years the signed-in user works with and the one chosen in the header's switcher, as a small external
 * store (like the session): fetched once, refreshed after 年度管理 opens or closes a year; the choice is kept in
 * localStorage so that it survives a reload and is the same in every tab.
 */
interface YearsState {
  /** Whose years `items` are (a username): signing in as someone else loads theirs. */
  owner: string | null;
  items: FiscalYear[] | null;
  chosen: number | null;
}

const STORAGE_KEY = 'jixiao.year';
const listeners = new Set<() => void>();
let state: YearsState = { owner: null, items: null, chosen: readStored() };

function readStored(): number | null {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value >= 1990 && value <= 2100 ? value : null;
  } catch {
    return null; // storage refused (private mode): the choice lasts for the page only
  }
}

function set(next: YearsState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Fetches the years again (after a year was opened, closed or reopened); a failure keeps the list shown. */
export async function refreshYears(): Promise<void> {
  const owner = state.owner;
  const items = await fetchYears().catch(() => state.items ?? []);
  // Signed out or in as someone else meanwhile: that user's list is being loaded instead.
  if (state.owner === owner) set({ ...state, items });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The signed-in user's years (opened ones and those with data), newest first; null while signed out or
 * while the first answer is awaited. Asked for only once signed in: the sign-in page makes no request.
 */
export function useYears(): FiscalYear[] | null {
  const { user } = useSession();
  const owner = user?.username ?? null;
  const snapshot = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (owner === null || state.owner === owner) return;
    set({ ...state, owner, items: null });
    void refreshYears();
  }, [owner]);
  return owner !== null && snapshot.owner === owner ? snapshot.items : null;
}

/** Remembers the year chosen in the switcher. */
export function chooseYear(year: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(year));
  } catch {
    // not stored: the choice still holds until the page is left
  }
  set({ ...state, chosen: year });
}

/**
 * The year the user works in: the one chosen in the header's switcher when it is among their years, else
 * the newest open year, else the newest; null until the years are known or when there are none.
 */
export function useCurrentYear(): number | null {
  const items = useYears();
  const chosen = useSyncExternalStore(subscribe, () => state.chosen);
  if (items === null || items.length === 0) return chosen;
  if (chosen !== null && items.some((item) => item.year === chosen)) return chosen;
  return (items.find((item) => item.status === 'open') ?? items[0]!).year;
}

/** Whether the bureau closed `year` (then its targets, monitoring and 自评 are read-only; the server refuses writes). */
export function useYearClosed(year: number): boolean {
  return useYears()?.some((item) => item.year === year && item.status === 'closed') ?? false;
}
