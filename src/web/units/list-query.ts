import type { UnitListQuery } from '../../contract/api.ts';

/**
 * The unit list's state as it lives in the address bar (`/?page=2&q=文化&year=2020`), so a reload or
 * the back button returns to the same page of the same search. Pure: the page reads and writes it.
 */
export interface UnitListState {
  page: number;
  search: string;
  year: number | undefined;
}

export const PAGE_SIZE = 50;

export function stateFromSearch(search: string): UnitListState {
  const params = new URLSearchParams(search);
  const page = Number(params.get('page'));
  const year = Number(params.get('year'));
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    search: params.get('q') ?? '',
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
  };
}

/** The query string for a state; the defaults are left out so the plain home page stays `/`. */
export function searchFromState(state: UnitListState): string {
  const params = new URLSearchParams();
  if (state.page > 1) params.set('page', String(state.page));
  if (state.search.trim() !== '') params.set('q', state.search.trim());
  if (state.year !== undefined) params.set('year', String(state.year));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** What the server is asked for a state. */
export function apiQuery(state: UnitListState): UnitListQuery {
  const search = state.search.trim();
  return {
    page: state.page,
    pageSize: PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(state.year !== undefined ? { year: state.year } : {}),
  };
}
