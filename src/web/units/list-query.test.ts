import { describe, expect, it } from 'vitest';
import { apiQuery, searchFromState, stateFromSearch } from './list-query.ts';

describe('unit list query in the address bar', () => {
  it('round-trips page, search and year', () => {
    const state = { page: 3, search: '文化 馆', year: 2021 };
    expect(searchFromState(state)).toBe('?page=3&q=%E6%96%87%E5%8C%96+%E9%A6%86&year=2021');
    expect(stateFromSearch(searchFromState(state))).toEqual(state);
  });

  it('leaves the defaults out and ignores nonsense', () => {
    expect(searchFromState({ page: 1, search: '  ', year: undefined })).toBe('');
    expect(stateFromSearch('?page=-2&year=abc')).toEqual({ page: 1, search: '', year: undefined });
    expect(stateFromSearch('?page=1.5&year=3000')).toEqual({ page: 1, search: '', year: undefined });
  });

  it('asks the server for the trimmed search only when there is one', () => {
    expect(apiQuery({ page: 2, search: ' 711 ', year: undefined })).toEqual({ page: 2, pageSize: 50, search: '711' });
    expect(apiQuery({ page: 1, search: '', year: 2020 })).toEqual({ page: 1, pageSize: 50, year: 2020 });
  });
});
