import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages.ts';
import type { Translate } from '../i18n/i18n.tsx';
import {
  appendLine,
  consequenceKey,
  findingLine,
  findingLocation,
  findingsOf,
  historyByRound,
  itemDomKey,
  needsConsultation,
} from './opinion-logic.ts';

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('审核意见表 on the page (财预〔2015〕88号)', () => {
  it('says what each overall result means, in both languages', () => {
    expect(zh(consequenceKey('优'))).toBe('优：可进入预算编制');
    expect(zh(consequenceKey('良'))).toBe('良：与单位协商调整后确定（须填写协商情况）');
    expect(zh(consequenceKey('中'))).toBe('中：退回修改后重新报送');
    expect(zh(consequenceKey('差'))).toBe('差：不得进入预算编制');
    expect(en(consequenceKey('差'))).toBe('Poor: may not proceed to budgeting');
  });

  it('asks for the consultation note only when the result is 良', () => {
    expect(needsConsultation('良')).toBe(true);
    for (const grade of ['优', '中', '差'] as const) expect(needsConsultation(grade)).toBe(false);
    expect(needsConsultation(undefined)).toBe(false);
  });

  it("words a finding's location: the indicator by its number, the field by its column", () => {
    expect(findingLocation(['indicators', 1, 'target'], zh)).toBe('第2个指标 · 指标值');
    expect(findingLocation(['budget'], zh)).toBe('预算数');
    expect(findingLocation(['overall', 'goals', 0], zh)).toBe('绩效目标 · 第1项');
    expect(findingLocation([], zh)).toBe('');
    expect(findingLocation(['spendingPlan', 3, 'cumulativePercent'], zh)).toBe(
      '资金支出计划（%） · 第4项 · 累计支出比例',
    );
    expect(findingLocation(['budget', 'total'], zh)).toBe('预算数');
    expect(findingLocation(['indicators', 3, 'name'], zh)).toBe('第4个指标 · 三级指标');
    expect(findingLocation(['indicators', 0, 'level2'], en)).toBe('Indicator 1 · ' + en('table.level2'));
  });

  it('appends a finding to the opinion on a line of its own, once', () => {
    const line = findingLine('第2个指标 · 指标值', '指标值无法解析');
    expect(line).toBe('【第2个指标 · 指标值】指标值无法解析');
    expect(appendLine(undefined, line)).toBe(line);
    expect(appendLine('总体较好。\n', line)).toBe(`总体较好。\n${line}`);
    expect(appendLine(`总体较好。\n${line}`, line)).toBe(`总体较好。\n${line}`);
    expect(findingLine('', '缺少满意度指标')).toBe('缺少满意度指标');
  });

  it("keeps an item's findings only, the overall targets under null", () => {
    const findings = [{ project: 'A' }, { project: null }, { project: 'B' }, { project: 'A' }];
    expect(findingsOf(findings, 'A')).toHaveLength(2);
    expect(findingsOf(findings, null)).toEqual([{ project: null }]);
    expect(itemDomKey(null)).toBe('overall');
    expect(itemDomKey('711-0701-JBN-PGN6')).toBe('711-0701-JBN-PGN6');
  });

  it('groups the history by round, newest round first, the department before the bureau', () => {
    const history = [
      { id: 5, round: 2, level: 'bureau' as const },
      { id: 4, round: 2, level: 'department' as const },
      { id: 3, round: 1, level: 'department' as const },
      { id: 2, round: 1, level: 'bureau' as const },
      { id: 1, round: 1, level: 'department' as const },
    ];
    const groups = historyByRound(history);
    expect(groups.map((g) => `${g.round}/${g.level}/${g.forms.map((f) => f.id).join(',')}`)).toEqual([
      '2/department/4',
      '2/bureau/5',
      '1/department/3,1',
      '1/bureau/2',
    ]);
  });
});
