import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../app/routes.ts';

describe('自评表 route', () => {
  it('round-trips /units/:unitCode/years/:year/evaluation', () => {
    const route = parseRoute('/units/711002/years/2020/evaluation');
    expect(route).toEqual({ name: 'evaluation', unitCode: '711002', year: 2020 });
    expect(hrefFor(route)).toBe('/units/711002/years/2020/evaluation');
  });
});
