import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../contract/evaluation.ts';
import {
  answerFraction,
  bodyFrom,
  chooseBand,
  draftFrom,
  updateCategoryPoints,
  updateIndicator,
  updateProject,
} from './draft.ts';

const indicator = {
  level1: '产出指标',
  level2: '数量指标',
  target: '≥90%',
  deviationReason: '',
  improvementMeasures: '',
  notApplicable: false,
  weight: null,
  band: null,
  bandPercent: null,
  scoreReason: '',
  percentConfirmed: false,
};
const evaluation = {
  projects: [
    {
      code: 'P1',
      executionReason: '',
      spentFiscal: '100.00',
      spentOther: '0.00',
      spentSplit: 'ledger',
      categoryPoints: null,
      indicators: [
        { ...indicator, name: 'A', actual: null },
        { ...indicator, name: 'B', actual: '80%', weight: 20 },
      ],
    },
  ],
} as unknown as Evaluation;

describe('自评表 draft', () => {
  it('round-trips the stored entries and sends blank actuals as missing; the ledger split is not sent back', () => {
    let drafts = draftFrom(evaluation);
    expect(drafts[0]!.indicators[0]!.actual).toBe('');
    expect(drafts[0]!.spentFiscal).toBe('');
    drafts = updateIndicator(drafts, 'P1', 1, { deviationReason: '样本少' });
    drafts = updateProject(drafts, 'P1', { executionReason: '疫情' });
    expect(bodyFrom(drafts, true)).toEqual({
      submit: true,
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
    expect(bodyFrom(drafts, false)).not.toHaveProperty('submit');
  });

  it('sends the band, its score and the reason; a new band starts from the server’s suggestion', () => {
    let drafts = updateIndicator(draftFrom(evaluation), 'P1', 0, { actual: '基本达到', ...chooseBand('partly') });
    expect(drafts[0]!.indicators[0]).toMatchObject({ band: 'partly', bandPercent: null });
    drafts = updateIndicator(drafts, 'P1', 0, { bandPercent: 70, scoreReason: '覆盖面不足' });
    expect(bodyFrom(drafts, false).projects[0]!.indicators[0]).toMatchObject({
      band: 'partly',
      bandPercent: 70,
      scoreReason: '覆盖面不足',
    });
  });

  it('answers 是否指 95%？: yes rewrites the actual, no confirms it', () => {
    expect(answerFraction('0.95', true)).toEqual({ actual: '95%', percentConfirmed: false });
    expect(answerFraction('0.955', true)).toEqual({ actual: '95.5%', percentConfirmed: false });
    expect(answerFraction('0.95', false)).toEqual({ percentConfirmed: true });
  });

  it('edits the per-project category points and the entered 执行数 split', () => {
    let drafts = updateCategoryPoints(draftFrom(evaluation), 'P1', 'output', 60);
    drafts = updateCategoryPoints(drafts, 'P1', 'benefit', 20);
    expect(drafts[0]!.categoryPoints).toEqual({ output: 60, benefit: 20 });
    drafts = updateProject(drafts, 'P1', { spentFiscal: '80.00', spentOther: '20.00' });
    expect(bodyFrom(drafts, false).projects[0]).toMatchObject({
      categoryPoints: { output: 60, benefit: 20 },
      spentFiscal: '80.00',
      spentOther: '20.00',
    });
    drafts = updateCategoryPoints(updateCategoryPoints(drafts, 'P1', 'output', null), 'P1', 'benefit', null);
    expect(drafts[0]!.categoryPoints).toBeNull();
  });
});
