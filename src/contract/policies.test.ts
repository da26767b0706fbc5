import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_POLICY } from '../domain/monitoring/policy.ts';
import { DEFAULT_REVIEW_POLICY } from '../domain/review/policy.ts';
import { DEFAULT_SCORING_POLICY } from '../domain/scoring/policy.ts';
import { ReviewPolicySchema, readMonitoringPolicy, readReviewPolicy, readScoringPolicy } from './policies.ts';

describe('policy bodies', () => {
  it('read nothing stored as the domain defaults', () => {
    expect(readReviewPolicy(null)).toEqual(DEFAULT_REVIEW_POLICY);
    expect(readMonitoringPolicy(null)).toEqual(DEFAULT_MONITORING_POLICY);
    expect(readScoringPolicy(null)).toEqual(DEFAULT_SCORING_POLICY);
  });

  it('fill a partial review body and reject a malformed one', () => {
    expect(ReviewPolicySchema.parse({ minIndicators: 4 }).gradePoorErrors).toBe(5);
    expect(ReviewPolicySchema.safeParse({ minIndicators: -1 }).success).toBe(false);
  });

  it('fill defaults around what a bureau stored for monitoring', () => {
    const policy = readMonitoringPolicy({ checkpoints: [{ month: 6, dueDate: '07-15' }] });
    expect(policy.checkpoints).toEqual([{ month: 6, dueDate: '07-15' }]);
    expect(policy.behindPlan).toEqual([
      { points: 10, level: '提示' },
      { points: 20, level: '警示' },
    ]);
    expect(policy.overdue).toEqual({ graceDays: 0, level: '提示' });
    expect(() => readMonitoringPolicy({ checkpoints: [{ month: 13, dueDate: '01-31' }] })).toThrow();
  });

  it('fill a scoring group member by member', () => {
    const policy = readScoringPolicy({ grades: { excellent: 95 }, overAchievementPenalty: { enabled: true } });
    expect(policy.grades).toEqual({ excellent: 95, good: 80, fair: 60 });
    expect(policy.overAchievementPenalty).toEqual({ enabled: true, thresholdPercent: 50 });
    expect(() => readScoringPolicy({ executionPoints: 101 })).toThrow();
  });

  it('hand out a fresh copy of a default: editing one read leaves the next intact', () => {
    readMonitoringPolicy(null).behindPlan.push({ points: 50, level: '重点监控' });
    expect(readMonitoringPolicy(null).behindPlan).toHaveLength(2);
    expect(DEFAULT_MONITORING_POLICY.behindPlan).toHaveLength(2);
  });
});
