import { describe, expect, it } from 'vitest';
import { defaultDisclosurePolicy, isPublic, refusalToPublish } from './packages.ts';
import { mayPublish, packageState, publicPath } from './status.ts';

const NOW = new Date('2021-06-01T00:00:00Z');
const latest = {
  kind: 'budget' as const,
  version: 1,
  publishedAt: '2021-03-01T00:00:00Z',
  publishedBy: 'czj',
  withdrawnAt: null,
  withdrawReason: null,
  files: 2,
};

describe('disclosure rules', () => {
  it('publishes targets once approved and self-evaluation results once final', () => {
    expect(refusalToPublish('budget', { targetsState: 'approved', evaluationStatus: null })).toBeNull();
    expect(refusalToPublish('budget', { targetsState: 'department-reviewed', evaluationStatus: 'final' })).toContain(
      '尚未批复',
    );
    expect(refusalToPublish('final', { targetsState: 'approved', evaluationStatus: 'reviewed' })).toContain('尚未终审');
    expect(refusalToPublish('final', { targetsState: null, evaluationStatus: 'final' })).toBeNull();
  });

  it('is public only when published, not withdrawn, and the publication date has come', () => {
    const policy = defaultDisclosurePolicy();
    expect(packageState(undefined, policy, NOW)).toBe('not-published');
    expect(packageState(latest, policy, NOW)).toBe('public');
    expect(packageState({ ...latest, withdrawnAt: '2021-04-01T00:00:00Z' }, policy, NOW)).toBe('withdrawn');
    expect(packageState(latest, { ...policy, publishAt: '2021-06-01T00:00:01Z' }, NOW)).toBe('scheduled');
    expect(isPublic(latest, { publishAt: '2021-06-01T00:00:00Z' }, NOW)).toBe(true);
  });

  it('lets the bureau publish always, a unit only when allowed, nobody else', () => {
    const actor = (role: 'bureau' | 'unit' | 'department') => ({
      userId: 1,
      username: 'u',
      displayName: 'u',
      role,
      orgCode: 'X',
    });
    const policy = defaultDisclosurePolicy();
    expect(mayPublish(actor('bureau'), policy)).toBe(true);
    expect(mayPublish(actor('unit'), policy)).toBe(false);
    expect(mayPublish(actor('unit'), { ...policy, unitsMayPublish: true })).toBe(true);
    expect(mayPublish(actor('department'), { ...policy, unitsMayPublish: true })).toBe(false);
  });

  it('builds stable addresses from codes, without ids', () => {
    expect(publicPath('SHG-CZJ', 2020)).toBe('/public/SHG-CZJ/2020/');
    expect(publicPath('SHG-CZJ', 2020, '711002', 'final')).toBe('/public/SHG-CZJ/2020/711002/final');
  });
});
