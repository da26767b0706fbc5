import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { deadlinesForOpening, validateDeadlines } from './fiscal-year.ts';

describe('a fiscal year’s deadlines', () => {
  it('takes the monitoring deadline from the first checkpoint unless one is given', () => {
    const checkpoints = [
      { month: 12, dueDate: '01-31' },
      { month: 6, dueDate: '07-20' },
    ];
    expect(deadlinesForOpening(2021, { targets: '2020-12-31' }, checkpoints)).toEqual({
      targets: '2020-12-31',
      monitoring: '2021-07-20',
      evaluation: null,
    });
    expect(deadlinesForOpening(2021, { monitoring: '2021-09-10' }, checkpoints).monitoring).toBe('2021-09-10');
    expect(deadlinesForOpening(2021, {}, []).monitoring).toBeNull();
  });

  it('accepts stages in order, from the year before to the end of the next year', () => {
    expect(() =>
      validateDeadlines(2021, { targets: '2020-12-31', monitoring: '2021-08-31', evaluation: '2022-04-30' }),
    ).not.toThrow();
    expect(() => validateDeadlines(2021, { targets: null, monitoring: null, evaluation: null })).not.toThrow();
  });

  it('names each deadline out of order or out of reach', () => {
    let error: unknown;
    try {
      validateDeadlines(2021, { targets: '2021-09-01', monitoring: '2021-08-31', evaluation: '2023-01-01' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    const refusal = error as AppError;
    expect(refusal.code).toBe('VALIDATION');
    expect(refusal.issues.map((issue) => issue.field)).toEqual(['deadlines.evaluation', 'deadlines.monitoring']);
    expect(refusal.message).toContain('绩效自评截止日期应在 2020-01-01 至 2022-12-31 之间');
    expect(refusal.message).toContain('运行监控截止日期不能早于绩效目标填报截止日期（2021-09-01）');
  });
});
