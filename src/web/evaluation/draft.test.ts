import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../contract/evaluation.ts';
import { bodyFrom, draftFrom, updateExecutionReason, updateIndicator } from './draft.ts';

const indicator = {
  level1: '产出指标',
  level2: '数量指标',
  target: '≥90%',
  deviationReason: '',
  improvementMeasures: '',
  notApplicable: false,
  weight: null,
};
const evaluation = {
  projects: [
    {
      code: 'P1',
      executionReason: '',
      indicators: [
        { ...indicator, name: 'A', actual: null },
        { ...indicator, name: 'B', actual: '80%', weight: 20 },
      ],
    },
  ],
} as unknown as Evaluation;

describe('自评表 draft', () => {
  it('round-trips the stored entries and sends blank actuals as missing', () => {
    let drafts = draftFrom(evaluation);
    expect(drafts[0]!.indicators[0]!.actual).toBe('');
    drafts = updateIndicator(drafts, 'P1', 1, { deviationReason: '样本少' });
    drafts = updateExecutionReason(drafts, 'P1', '疫情');
    expect(bodyFrom(drafts, true)).toEqual({
      finalise: true,
      projects: [
        {
          code: 'P1',
          executionReason: '疫情',
          indicators: [
            { name: 'A', actual: null, notApplicable: false, deviationReason: '', improvementMeasures: '' },
            {
              name: 'B',
              actual: '80%',
              notApplicable: false,
              deviationReason: '样本少',
              improvementMeasures: '',
              weight: 20,
            },
          ],
        },
      ],
    });
  });
});
