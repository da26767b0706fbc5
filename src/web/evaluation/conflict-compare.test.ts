import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../contract/evaluation.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';
import { fieldDifferences } from '../shared/conflict-diff.ts';
import { evaluationCompare } from './conflict-compare.ts';
import { draftFrom, updateIndicator, updateProject } from './draft.ts';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
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
const stored = {
  projects: [
    {
      code: 'P1',
      name: '职工服务',
      executionReason: '',
      spentFiscal: '100.00',
      spentOther: '0.00',
      spentSplit: 'ledger',
      categoryPoints: null,
      indicators: [
        { ...indicator, name: '服务人次', actual: '1200人次' },
        { ...indicator, name: '满意度', actual: '80%', band: 'partly' },
      ],
    },
  ],
} as unknown as Evaluation;

async function differences(mine: ReturnType<typeof draftFrom>, t = zh) {
  const compare = evaluationCompare(
    () => mine,
    stored,
    () => Promise.resolve(stored),
    t,
  );
  return fieldDifferences(compare.mine(), await compare.stored(), compare.root);
}

describe('查看差异 on the 自评表: the unsaved drafts against the stored 自评表', () => {
  it('names each changed field as the page does (project · indicator · column), with values in words', async () => {
    let mine = updateIndicator(draftFrom(stored), 'P1', 1, { actual: '95%', band: 'achieved', notApplicable: true });
    mine = updateProject(mine, 'P1', { executionReason: '年底集中支付' });
    const rows = (await differences(mine)).map((d) => [d.label, d.mine, d.stored]);
    expect(rows).toEqual([
      ['职工服务 · 执行率偏低原因', '年底集中支付', ''],
      ['职工服务 · 满意度 · 实际完成值', '95%', '80%'],
      ['职工服务 · 满意度 · 不适用', '✓', ''],
      ['职工服务 · 满意度 · 评价档次', '达成', '部分达成'],
    ]);
  });

  it('finds nothing when the drafts equal the stored 自评表, and speaks English in the English locale', async () => {
    expect(await differences(draftFrom(stored))).toEqual([]);
    const mine = updateIndicator(draftFrom(stored), 'P1', 0, { actual: '' });
    const [row] = await differences(mine, en);
    expect(row).toMatchObject({ mine: '', stored: '1200人次' });
    expect(row!.label).toMatch(/^职工服务 · 服务人次 · [A-Za-z ]+$/);
  });
});
