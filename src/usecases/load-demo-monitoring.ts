import type { Db } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { MONTHS } from '../domain/monitoring/plan.ts';
import { formatCents, parseAmountToCents } from '../domain/money.ts';
import { adjustBudget } from './adjust-budget.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { recordMonitoringAction, updateMonitoringAction } from './monitoring-actions.ts';
import { recordIndicatorProgress, type RecordIndicatorProgressInput } from './record-indicator-progress.ts';
import { recordMonitoringEntry } from './record-monitoring-entry.ts';
import { recordSpending } from './record-spending.ts';
import { submitMonitoring } from './submit-monitoring.ts';

type Cumulative = readonly string[]; // 元 at each month-end, January first

/**
 * The seed's 2020 as it could have run (all plans: 6月底 60%, 10月底 90%, 12月底 100%; the bureau's default
 * checkpoint is end of July, due 08-31, where the plan stands at 67.5%):
 * - 困难职工帮扶资金 paid monthly, on plan, 98% by December;
 * - 劳模荣誉津贴 paid twice a year: 50% at the end of July, 17.5 points behind the plan → 提示, no action needed;
 * - 市级以上劳模体检费 hit by the epidemic (体检 paused): 30% in July → 警示; the bureau acts, the unit replies with
 *   its corrective measures; 80% in December, which the 自评 explains (executionReason);
 * - 提前下达…专项资金 raised by 3,000.00 in September (调整后预算数 32,800.00, paid from 其他资金): the submitted July
 *   snapshot keeps 29,800.00 (60%), while today's warnings judge July against the adjusted budget (54.5% → 提示).
 * The unit enters its July figures (全年预计执行数, 拨付, 结转结余 and each indicator's progress) and submits the
 * July checkpoint, so the printed 监控情况表 is its snapshot.
 */
const DEMO_CUMULATIVE_SPENDING: Record<string, { fiscal: Cumulative; other?: Cumulative }> = {
  '711-0701-JBN-PGN6': {
    fiscal: [
      '0.00',
      '2000.00',
      '4000.00',
      '6000.00',
      '8000.00',
      '12000.00',
      '13000.00',
      '14000.00',
      '15500.00',
      '18000.00',
      '19000.00',
      '19600.00',
    ],
  },
  '711-0403-JBN-3EQS': {
    fiscal: [
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '7200.00',
      '7200.00',
      '7200.00',
      '7200.00',
      '7200.00',
      '7200.00',
      '14400.00',
    ],
  },
  '711-0403-JBN-MQNI': {
    fiscal: [
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '3780.00',
      '7560.00',
      '11340.00',
      '15120.00',
      '18900.00',
      '22680.00',
      '26460.00',
      '30240.00',
    ],
  },
  '711-0701-YSN-2UE1': {
    fiscal: [
      '0.00',
      '2980.00',
      '8940.00',
      '8940.00',
      '11920.00',
      '17880.00',
      '17880.00',
      '20860.00',
      '23840.00',
      '26820.00',
      '28300.00',
      '29800.00',
    ],
    other: ['0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '1500.00', '1500.00', '3000.00'],
  },
};

/** 执行数 at year end (December cumulative, both sources), read by the year-end 自评. */
export const DEMO_YEAR_END_SPENT: Record<string, string> = Object.fromEntries(
  Object.entries(DEMO_CUMULATIVE_SPENDING).map(([code, s]) => [
    code,
    formatCents(cents(s.fiscal[11]!) + cents(s.other?.[11] ?? '0')),
  ]),
);

const DEMO_BUDGET_ADJUSTMENT = {
  projectCode: '711-0701-YSN-2UE1',
  adjustedBudget: '32800.00',
  reason: '市总工会追加下达困难职工及劳模帮扶救助资金 3,000.00 元（其他资金）',
  effectiveDate: '2020-09-15',
} as const;

/** The bureau's 警示 on the 体检费 project's July finding, and the unit's reply (its 纠偏 measures). */
const DEMO_BUREAU_ACTION = {
  projectCode: '711-0403-JBN-MQNI',
  warningId: 'behind-plan:711-0403-JBN-MQNI:7',
  kind: '警示',
  body: '体检费项目7月底执行率 30%，落后支出计划 37.5 个百分点：请于9月底前提出并落实纠偏措施',
  deadline: '2020-09-30',
  today: '2020-09-02',
} as const;
export const DEMO_CORRECTIVE_ACTION =
  '与定点医院协商，疫情缓解后自8月起分批组织劳模体检，延长体检时段，确保年底前完成八成以上';

/**
 * What the unit states at the July checkpoint (元): its own 全年预计执行数 (the 体检费 project expects 80%, as its
 * 有可能 indicator says), the funds released to it to date, and no 结转结余 (these are annual grants).
 */
const JULY_ENTRIES: Record<string, { forecastFullYear: string; releasedToDate: string; carryOver: string }> = {
  '711-0701-JBN-PGN6': { forecastFullYear: '19800.00', releasedToDate: '14000.00', carryOver: '0.00' },
  '711-0403-JBN-3EQS': { forecastFullYear: '14400.00', releasedToDate: '7200.00', carryOver: '0.00' },
  '711-0403-JBN-MQNI': { forecastFullYear: '30240.00', releasedToDate: '18900.00', carryOver: '0.00' },
  '711-0701-YSN-2UE1': { forecastFullYear: '29800.00', releasedToDate: '17880.00', carryOver: '0.00' },
};

const sure = (indicatorName: string, valueToDate: string, forecast: string) => ({
  indicatorName,
  valueToDate,
  forecast,
  likelihood: '确定能' as const,
});
const JULY_PROGRESS: Record<
  string,
  Omit<RecordIndicatorProgressInput, 'unitCode' | 'fiscalYear' | 'projectCode' | 'month'>[]
> = {
  '711-0701-JBN-PGN6': [
    sure('补助金发放率', '65%', '98%'),
    sure('补助人群生活改善情况', '90%', '92%'),
    sure('群众满意度', '92%', '93%'),
  ],
  '711-0403-JBN-3EQS': [
    sure('补助个人数量', '已发放上半年津贴', '达到'),
    sure('补助人群生活改善情况', '93%', '95%'),
    sure('群众满意度', '90%', '90%'),
  ],
  '711-0403-JBN-MQNI': [
    {
      indicatorName: '免费健康体检率',
      valueToDate: '30%',
      forecast: '75%',
      likelihood: '有可能',
      deviationCategory: '其他',
      reason: '新冠肺炎疫情期间定点医院暂停团体体检',
      measures: '疫情缓解后分批组织体检，延长体检时段，必要时顺延至次年上半年补检',
    },
    sure('健康体检表完成率', '30%', '90%'),
    sure('保健对象健康体检满意率', '95%', '92%'),
  ],
  '711-0701-YSN-2UE1': [
    sure('补助金发放率', '55%', '100%'),
    sure('补助人群生活改善情况', '88%', '90%'),
    sure('群众满意度', '94%', '95%'),
  ],
};

/**
 * The demo monitoring year: spending by month, one budget adjustment, the July checkpoint entered and submitted,
 * and the bureau's action on the 体检费 warning with the unit's reply.
 */
export async function loadDemoMonitoring(db: Db, key: { unitCode: string; fiscalYear: number }): Promise<void> {
  for (const [projectCode, cumulative] of Object.entries(DEMO_CUMULATIVE_SPENDING)) {
    const entries = [
      ...monthly(cumulative.fiscal).map((amount, i) => ({ month: i + 1, source: 'fiscal' as const, amount })),
      ...(cumulative.other
        ? monthly(cumulative.other).map((amount, i) => ({ month: i + 1, source: 'other' as const, amount }))
        : []),
    ].filter((e) => e.amount !== '0.00');
    await recordSpending(db, SYSTEM_ACTOR, { ...key, projectCode, entries });
  }
  for (const [projectCode, progress] of Object.entries(JULY_PROGRESS)) {
    for (const p of progress) await recordIndicatorProgress(db, SYSTEM_ACTOR, { ...key, projectCode, month: 7, ...p });
  }
  const { projects } = await getUnitMonitoring(db, { ...key, asOfMonth: 7 });
  for (const [projectCode, entry] of Object.entries(JULY_ENTRIES)) {
    const expectedVersion = projects.find((p) => p.code === projectCode)?.version ?? 0;
    await recordMonitoringEntry(db, SYSTEM_ACTOR, { ...key, projectCode, month: 7, ...entry, expectedVersion });
  }
  await submitMonitoring(db, SYSTEM_ACTOR, { ...key, month: 7 });
  // September's increase comes after the July round: the submitted snapshot keeps July's 全年预算数.
  await adjustBudget(db, SYSTEM_ACTOR, { ...key, ...DEMO_BUDGET_ADJUSTMENT });
  const action = await recordMonitoringAction(db, SYSTEM_ACTOR, { ...key, ...DEMO_BUREAU_ACTION });
  await updateMonitoringAction(db, SYSTEM_ACTOR, {
    ...key,
    actionId: action.id,
    state: '整改中',
    reply: DEMO_CORRECTIVE_ACTION,
    by: 'unit',
  });
}

function cents(amount: string): bigint {
  return parseAmountToCents(amount) ?? 0n;
}

/** Month-end totals → what was spent in each month. */
function monthly(cumulative: Cumulative): string[] {
  return MONTHS.map((m) => formatCents(cents(cumulative[m - 1]!) - (m === 1 ? 0n : cents(cumulative[m - 2]!))));
}
