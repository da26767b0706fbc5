import { AppError } from '../errors.ts';
import { formatCents, parseAmountToCents } from '../money.ts';
import type { BudgetExecution, MonitoredIndicator } from '../table-documents.ts';
import { DEVIATION_CATEGORIES, type DeviationCategory, type IndicatorProgress, type Likelihood } from './progress.ts';
import type { SpendingRow } from './summary.ts';

/*
 * An imported 项目支出绩效目标执行监控表 turned into what 运行监控 stores (issue 15 item 5): the table states
 * cumulative spending (1–N月执行数), Jixiao stores spending month by month (decision 011), so month N takes the
 * difference to what months 1..N−1 already hold — set, not added, so importing the same table twice changes nothing.
 */

type Source = SpendingRow['source'];

/** Month N's spending per source so that months 1..N add up to the table's 1–N月执行数; [] when it states none. */
export function spendingToReach(
  stored: readonly SpendingRow[],
  execution: BudgetExecution,
  month: number,
): SpendingRow[] {
  const targets = cumulativeTargets(stored, execution, month);
  return (['fiscal', 'other'] as const).flatMap((source) => {
    const target = targets[source];
    if (target === null) return [];
    const before = sumOf(stored, source, (m) => m < month);
    if (before > target) {
      throw new AppError(
        'VALIDATION',
        `已录入的 1–${month - 1} 月${SOURCE_NAMES[source]}支出 ${formatCents(before)} 元已超过监控表的 1–${month} 月执行数 ${formatCents(target)} 元；请先在运行监控中核对支出`,
        { location: { field: source } },
      );
    }
    return [{ month, source, amount: formatCents(target - before) }];
  });
}

const SOURCE_NAMES: Record<Source, string> = { fiscal: '财政资金', other: '其他资金' };

/**
 * What months 1..N of each source must add up to. A split table (其中：财政拨款 / 其他资金) gives each source; one
 * source and the total give the other; a total alone goes to 财政资金, beside the 其他资金 already stored.
 */
function cumulativeTargets(
  stored: readonly SpendingRow[],
  execution: BudgetExecution,
  month: number,
): Record<Source, bigint | null> {
  const cents = (amount: string | null | undefined) => (amount == null ? null : parseAmountToCents(amount));
  const total = cents(execution.executed);
  const fiscal = cents(execution.fiscal?.executed);
  const other = cents(execution.other?.executed);
  if (fiscal !== null || other !== null) {
    return {
      fiscal: fiscal ?? (total !== null && other !== null ? total - other : null),
      other: other ?? (total !== null && fiscal !== null ? total - fiscal : null),
    };
  }
  if (total === null) return { fiscal: null, other: null };
  return { fiscal: total - sumOf(stored, 'other', (m) => m <= month), other: null };
}

function sumOf(rows: readonly SpendingRow[], source: Source, months: (month: number) => boolean): bigint {
  return rows
    .filter((row) => row.source === source && months(row.month))
    .reduce((sum, row) => sum + (parseAmountToCents(row.amount) ?? 0n), 0n);
}

/** How an indicator's row was read where the table leaves the 运行监控 form's fields to be inferred. */
interface TableProgress {
  progress: IndicatorProgress;
  /** The table left 完成目标可能性 empty: read as 确定能. */
  likelihoodAssumed: boolean;
  /** The table has no 措施 column: the measures are its 偏差原因分析 (see progressFromTable). */
  measuresFromReason: boolean;
}

/**
 * One indicator's row of the table as stored progress at month N; null when the row states nothing (no progress,
 * forecast, likelihood nor reason). 有可能 / 不可能 need a measure (guide §5), but the official 监控表 has one
 * 偏差原因分析 column and no 纠偏措施 column: that analysis is where the unit writes what it will do, so it stands
 * for the measures when the table has none (and the import says so).
 */
export function progressFromTable(
  projectCode: string,
  indicator: MonitoredIndicator,
  month: number,
): TableProgress | null {
  const stated = [indicator.progress, indicator.expected, indicator.likelihood, indicator.deviationReason];
  if (stated.every((text) => text === null || text.trim() === '')) return null;
  const likelihood = likelihoodOf(indicator.likelihood);
  const deviation = deviationOf(indicator.deviationReason);
  const measuresFromReason = indicator.correction === null && likelihood !== null && likelihood !== '确定能';
  const measures = measuresFromReason
    ? (indicator.deviationReason?.trim() ?? '')
    : (indicator.correction?.trim() ?? '');
  return {
    progress: {
      projectCode,
      indicatorName: indicator.name,
      month,
      valueToDate: indicator.progress?.trim() ?? '',
      forecast: indicator.expected?.trim() ?? '',
      likelihood: likelihood ?? '确定能',
      deviationCategory: deviation.category,
      reason: deviation.reason,
      measures,
    },
    likelihoodAssumed: likelihood === null,
    measuresFromReason: measuresFromReason && measures !== '',
  };
}

/** 完成目标可能性 as forms write it: 确定能 / 能, 有可能 / 可能, 完全不可能 / 不可能. */
function likelihoodOf(text: string | null): Likelihood | null {
  const folded = text?.replace(/\s/g, '') ?? '';
  if (folded === '') return null;
  if (folded.includes('不可能') || folded === '否') return '不可能';
  if (folded.includes('可能')) return '有可能';
  if (folded.includes('能') || folded === '是') return '确定能';
  throw new AppError('VALIDATION', `完成目标可能性“${text}”无法识别（应为确定能、有可能或不可能）`, {
    location: { field: 'likelihood' },
  });
}

/**
 * 偏差原因分析: the form's categories (经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他) when the text starts
 * with one ("其他：部分路段…"), the rest as the reason; any other text is the reason under 其他.
 */
function deviationOf(text: string | null): { category: DeviationCategory | null; reason: string } {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return { category: null, reason: '' };
  const category = DEVIATION_CATEGORIES.find((name) => trimmed.startsWith(name));
  if (category === undefined) return { category: '其他', reason: trimmed };
  const rest = trimmed.slice(category.length).replace(/^[\s：:，,、;；-]+/, '');
  return { category, reason: rest };
}
