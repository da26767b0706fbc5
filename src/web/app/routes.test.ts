import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './routes.ts';

describe('routes', () => {
  it('reads the workbench, the unit list and the department page', () => {
    expect(parseRoute('/')).toEqual({ name: 'workbench' });
    expect(parseRoute('/units')).toEqual({ name: 'units' });
    expect(hrefFor({ name: 'units' })).toBe('/units');
    expect(parseRoute('/units/711002/years/2020')).toEqual({ name: 'department', unitCode: '711002', year: 2020 });
    expect(parseRoute('/units/711002/years/2020/')).toEqual({ name: 'department', unitCode: '711002', year: 2020 });
  });
  it('round-trips codes that need encoding', () => {
    const route = { name: 'department', unitCode: '71 1/002', year: 2021 } as const;
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
  it('reads the account and the user administration pages', () => {
    expect(parseRoute('/account')).toEqual({ name: 'account' });
    expect(parseRoute('/admin/users/')).toEqual({ name: 'users' });
    expect(hrefFor({ name: 'users' })).toBe('/admin/users');
  });
  it('reads the print page of a unit-year', () => {
    const route = { name: 'print', unitCode: '711002', year: 2020 } as const;
    expect(parseRoute('/units/711002/years/2020/print')).toEqual(route);
    expect(hrefFor(route)).toBe('/units/711002/years/2020/print');
  });
  it('answers notFound for anything else', () => {
    expect(parseRoute('/units/711002')).toEqual({ name: 'notFound', path: '/units/711002' });
    expect(parseRoute('/units/%E0%A4%A/years/2020').name).toBe('notFound');
  });
});
