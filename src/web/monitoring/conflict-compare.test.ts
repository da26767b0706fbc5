import { describe, expect, it } from 'vitest';
import type { ProjectMonitoringView, UnitMonitoringView } from '../../contract/monitoring.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';
import { fieldDifferences } from '../shared/conflict-diff.ts';
import { entryCompare, type EntryValues } from './conflict-compare.ts';
import type { EntryKind } from './EntryForms.tsx';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const project = {
  code: 'P1',
  adjustedBudget: '90000.00',
  adjustments: [{ adjustedBudget: '90000.00', reason: '压减', effectiveDate: '2026-06-01', recordedBy: 'u' }],
  months: [{ month: 6, fiscal: '1000.00', other: '0.00' }],
  entries: [{ month: 6, forecastFullYear: '80000.00', releasedToDate: null, carryOver: '0.00', updatedBy: 'u' }],
  indicators: [
    {
      name: '服务人次',
      progress: [
        {
          month: 6,
          valueToDate: '500人次',
          forecast: '1000人次',
          likelihood: '有可能',
          deviationCategory: '经费保障',
          reason: '经费晚到',
          measures: '加快',
        },
      ],
    },
  ],
} as unknown as ProjectMonitoringView;
const view = { projects: [project] } as unknown as UnitMonitoringView;

async function rows(kind: EntryKind, values: EntryValues) {
  const compare = entryCompare(
    kind,
    () => values,
    () => Promise.resolve(view),
    zh,
  );
  return fieldDifferences(compare.mine(), await compare.stored(), compare.root).map((d) => [d.label, d.mine, d.stored]);
}

describe('查看差异 on a stale monitoring entry: the dialog against what is stored for its choice', () => {
  it('compares the month’s spending as amounts, named by the dialog’s labels', async () => {
    expect(await rows('spending', { projectCode: 'P1', month: 6, fiscal: '1000', other: '250.5' })).toEqual([
      ['其他资金', '250.50', '0.00'],
    ]);
  });

  it('compares the checkpoint’s progress of the chosen indicator, deviation causes in words', async () => {
    const values = {
      projectCode: 'P1',
      month: 6,
      indicatorName: '服务人次',
      valueToDate: '600人次',
      forecast: '1000人次',
      likelihood: '有可能',
      deviationCategories: ['经费保障', '人员保障'],
      reason: '经费晚到',
      measures: '加快',
    };
    expect(await rows('progress', values)).toEqual([
      ['执行情况', '600人次', '500人次'],
      ['偏差原因', '经费保障、人员保障', '经费保障'],
    ]);
  });

  it('compares the budget with the latest adjustment, and an entry with nothing stored for another month', async () => {
    const budget = { projectCode: 'P1', adjustedBudget: '85000', reason: '压减', effectiveDate: '2026-06-01' };
    expect(await rows('budget', budget)).toEqual([['调整后预算数', '85000.00', '90000.00']]);
    expect(await rows('entry', { projectCode: 'P1', month: 9, forecastFullYear: '1' })).toEqual([
      ['全年预计执行数（元）', '1.00', ''],
    ]);
  });
});
