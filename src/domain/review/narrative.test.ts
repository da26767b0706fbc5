import { describe, expect, it } from 'vitest';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { extractNarrativeIndicators, extractQuantities } from './narrative.ts';

describe('extractNarrativeIndicators on the seed', () => {
  const found = extractNarrativeIndicators(seedDocument().overall);
  const row = (name: string) => found.find((n) => n.name === name);

  it('finds every quantity of 分项绩效目标 with its goal', () => {
    expect(found.map((n) => [n.goalIndex, n.name, n.target.raw])).toEqual([
      [0, '参赛单位', '达到60家'],
      [0, '参赛职工', '不少于2000人'],
      [4, '选树示范单位', '1-2家'],
      [11, '符合条件的基层工会办理工会法人登记', '达到95%以上'],
      [17, '培树典型镇', '1-2个'],
      [21, '用于维权业务的支出', '不低于总支出的50%'],
      [22, '完成基层工会年度审计任务', '20家'],
    ]);
  });
  it('reads each target with the grammar', () => {
    expect(row('参赛职工')!.target).toMatchObject({ op: '>=', value: 2000, unit: '人' });
    expect(row('用于维权业务的支出')!.target).toMatchObject({ op: '>=', value: 50, unit: '%' });
    expect(row('选树示范单位')!.target).toMatchObject({ op: 'range', min: 1, max: 2, unit: '家' });
    expect(row('完成基层工会年度审计任务')!.target).toMatchObject({ op: '=', value: 20, unit: '家' });
  });
  it('keeps the sentence each came from', () => {
    expect(row('参赛单位')!.sentence).toMatch(/^加大推动非公企业.*参赛职工不少于2000人。$/);
  });
});

describe('extractQuantities', () => {
  it('skips years and ordinals', () => {
    expect(extractQuantities('2019年5月1日开工，第8期活动')).toEqual([]);
  });
  it('keeps commas inside brackets in one clause', () => {
    expect(extractQuantities('覆盖（企业，园区）不少于30家').map((q) => q.name)).toEqual(['覆盖']);
  });
});
