import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../app/routes.ts';
import { policyPath } from './policy-text.ts';

describe('policy page helpers', () => {
  it('adds ?orgCode= only for the administrator’s choice', () => {
    expect(policyPath('scoring', null)).toBe('/api/bureau/policies/scoring');
    expect(policyPath('monitoring', 'SHG CZJ')).toBe('/api/bureau/policies/monitoring?orgCode=SHG%20CZJ');
  });

  it('routes /bureau/policies', () => {
    expect(parseRoute('/bureau/policies')).toEqual({ name: 'policies' });
    expect(hrefFor({ name: 'policies' })).toBe('/bureau/policies');
  });
});
