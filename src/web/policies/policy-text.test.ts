import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../app/routes.ts';
import { issueLines, parsePolicyText, policyPath } from './policy-text.ts';

describe('policy editor helpers', () => {
  it('accepts a JSON object and refuses anything else before sending', () => {
    expect(parsePolicyText('{ "checkpointMonth": 7 }')).toEqual({ ok: true, body: { checkpointMonth: 7 } });
    expect(parsePolicyText('[1]')).toMatchObject({ ok: false, reason: 'notObject' });
    expect(parsePolicyText('null')).toMatchObject({ ok: false, reason: 'notObject' });
    expect(parsePolicyText('{ checkpointMonth: 7 }')).toMatchObject({ ok: false, reason: 'badJson' });
  });

  it('names the path of each server issue', () => {
    expect(
      issueLines([
        { path: ['behindPlan', 0, 'points'], message: '应不大于 100' },
        { path: [], message: '缺少内容' },
      ]),
    ).toEqual(['behindPlan.0.points：应不大于 100', '缺少内容']);
  });

  it('adds ?orgCode= only for the administrator’s choice', () => {
    expect(policyPath('scoring', null)).toBe('/api/bureau/policies/scoring');
    expect(policyPath('monitoring', 'SHG CZJ')).toBe('/api/bureau/policies/monitoring?orgCode=SHG%20CZJ');
  });

  it('routes /bureau/policies', () => {
    expect(parseRoute('/bureau/policies')).toEqual({ name: 'policies' });
    expect(hrefFor({ name: 'policies' })).toBe('/bureau/policies');
  });
});
