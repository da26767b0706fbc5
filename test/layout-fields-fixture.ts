import { deriveProjectCode } from '../src/domain/codes.ts';
import type { Indicator, TargetsDocument } from '../src/domain/targets.ts';
import { documentForUnit } from './targets-fixtures.ts';

/**
 * The seed as a provincial layout would give it (issue 15): every optional field set — a derived
 * project code, project details, 指标性质/权重/方向 and extras, the department-level indicators and
 * budget. Values are our own. Extras' labels are deliberately not in sorted order: they must come
 * back in the order written.
 */
export function layoutDocument(code = '711002', name = '秦皇岛市山海关区总工会'): TargetsDocument {
  const document = documentForUnit(code, name);
  const [first, second, ...rest] = document.projects;
  const weighted = (indicator: Indicator, weight: string, extras?: Record<string, string>): Indicator => ({
    ...indicator,
    nature: indicator.target.op === null ? 'qualitative' : 'quantitative',
    weight,
    direction: 'positive',
    ...(extras ? { extras } : {}),
  });
  document.overall.indicators = first!.indicators.map((indicator, i) =>
    weighted(indicator, String(10 + i), { '评（扣）分标准': `未完成扣${i + 1}分`, 备注: '部门整体' }),
  );
  document.overall.budget = { total: '1250000.00', fiscal: '1200000.00', other: '50000.00' };
  document.projects = [
    {
      ...first!,
      code: deriveProjectCode(first!.name),
      derivedCode: true,
      indicators: first!.indicators.map((indicator, i) =>
        weighted(
          indicator,
          i === 0 ? '7.5' : '10',
          i === 0 ? { 指标解释补充说明: '按季度统计', 备注: '无' } : undefined,
        ),
      ),
      details: {
        department: '秦皇岛市山海关区总工会（711）',
        implementer: '山海关区职工服务中心',
        period: '2020.01-2020.12',
        longTermGoals: ['三年内覆盖全部基层工会', '形成常态化服务机制'],
        extras: { 项目属性: '延续项目', 项目类型: '其他运转类' },
        absentFields: ['spendingPlan', 'basis'],
      },
    },
    { ...second!, details: { period: '2020.07-2021.06' } },
    ...rest,
  ];
  return document;
}
