import { describe, expect, it } from 'vitest';
import { validatePolicyBody } from './policy-bodies.ts';
import { parseScoringPolicy, readScoringPolicy } from './policies.ts';

/** The scoring policy's checks across knobs (decision 031, 财预〔2020〕10号), as the bureau's PUT and `--policy` apply them. */
describe('scoring policy schema', () => {
  it('defaults are 10号’s: bands 80–100 / 50–80 / 0–50 suggested at their top, reason beyond 20 %, = exceeded is met', () => {
    const policy = readScoringPolicy(null);
    expect(policy.qualitative).toEqual({
      achieved: { min: 80, max: 100, points: 100 },
      partly: { min: 50, max: 80, points: 80 },
      notAchieved: { min: 0, max: 50, points: 50 },
    });
    expect(policy).toMatchObject({ overAchievementReasonPercent: 20, equalsExceedIsMet: true });
    expect(policy.overAchievementPenalty.enabled).toBe(false);
  });

  it('成本 as its own 一级 alone is valid: 产出 defaults to 40 so 10 + 40 + 10 + 30 + 10 = 100', () => {
    expect(readScoringPolicy({ costAsOwnCategory: true }).categoryPoints).toEqual({
      output: 40,
      benefit: 30,
      satisfaction: 10,
      cost: 10,
    });
    expect(validatePolicyBody('scoring', { costAsOwnCategory: true })).toEqual({ costAsOwnCategory: true });
  });

  it('refuses points that do not add up to 100 with execution, naming the sum', () => {
    expect(() => validatePolicyBody('scoring', { categoryPoints: { output: 60 } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION', location: { path: ['categoryPoints'] } }),
    );
    expect(() => parseScoringPolicy({ costAsOwnCategory: true, categoryPoints: { output: 50 } })).toThrow(
      /预算执行率 10 \+ 产出 50 \+ 成本 10 \+ 效益 30 \+ 满意度 10 = 110/,
    );
    // The 一体化 form: 产出 60 / 效益 30, no 满意度 points.
    expect(() => parseScoringPolicy({ categoryPoints: { output: 60, satisfaction: 0 } })).not.toThrow();
  });

  it('refuses qualitative bands with a gap, an overlap, outside 0–100 or a suggestion outside its band', () => {
    const refused = (qualitative: object, path: (string | number)[]) =>
      expect(() => validatePolicyBody('scoring', { qualitative })).toThrow(
        expect.objectContaining({ code: 'VALIDATION', location: { path } }),
      );
    refused({ partly: { min: 60, max: 80, points: 80 } }, ['qualitative', 'partly', 'min']);
    refused({ notAchieved: { min: 10, max: 50, points: 50 } }, ['qualitative', 'notAchieved', 'min']);
    refused({ partly: { min: 50, max: 80, points: 90 } }, ['qualitative', 'partly', 'points']);
    expect(() => readScoringPolicy({ qualitative: { achieved: { min: 80, max: 120, points: 100 } } })).toThrow();
    // The former defaults (60–80 / 0–60) still hold together, so a stored body using them stays readable.
    expect(() =>
      parseScoringPolicy({
        qualitative: {
          achieved: { min: 80, max: 100, points: 100 },
          partly: { min: 60, max: 80, points: 70 },
          notAchieved: { min: 0, max: 60, points: 0 },
        },
      }),
    ).not.toThrow();
  });
});
