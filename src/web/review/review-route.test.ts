import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../app/routes.ts';

describe('review route', () => {
  it('round-trips /units/:unitCode/years/:year/review', () => {
    const route = parseRoute('/units/711002/years/2020/review');
    expect(route).toEqual({ name: 'review', unitCode: '711002', year: 2020 });
    expect(hrefFor(route)).toBe('/units/711002/years/2020/review');
  });
  it('leaves the department page route alone', () => {
    expect(parseRoute('/units/711002/years/2020')).toEqual({ name: 'department', unitCode: '711002', year: 2020 });
  });
});
