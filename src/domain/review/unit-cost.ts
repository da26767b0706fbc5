import { parseAmountToCents } from '../money.ts';
import { type Rational, add, compare, div, fromDecimal, fromNumber, mul, rational } from '../rational.ts';
import type { Indicator, TargetsDocument } from '../targets.ts';
import { foldName } from '../unit-match.ts';
import { squash } from './name-traits.ts';

/*
 * 适当性 aid (guide §4 rule 15; 财预〔2015〕88号 第三条（三）: 资金规模与绩效目标之间是否匹配): the cost of one unit of
 * output, 预算数 ÷ a 数量指标's number, against the same indicator elsewhere. Exact: 分 over an exact decimal.
 */

/** The same 数量指标 in another project this review does not hold: the unit's last year, or another unit of the bureau. */
export interface IndicatorPeer {
  source: 'last-year' | 'bureau';
  unitCode: string;
  fiscalYear: number;
  projectCode: string;
  /** 三级 as written, and the target's unit ("人", "公里"). */
  name: string;
  unit: string;
  quantity: number;
  /** The project's 预算数, 元 as a decimal string. */
  budgetTotal: string;
}

/** Where a peer is, for the message: another project of the same document counts as 'document'. */
export type PeerSource = 'document' | IndicatorPeer['source'];

export interface CostRow {
  key: string;
  source: PeerSource;
  /** Identifies the project, so that a project is never its own peer. */
  projectKey: string;
  /** 分 per unit of output. */
  cost: Rational;
}

/** Rates and money are not outputs one can price: only counts and measures (人, 次, 公里 …). */
const NOT_A_QUANTITY = /^(?:%|％|‰|百分比|百分点|元|万元|亿元)$/;

/** 数量指标 of 产出 with a positive number one can divide by; the key is the folded 三级 name and unit. */
function quantityKey(indicator: Indicator): string | null {
  const { target } = indicator;
  if (indicator.category !== 'output' || squash(indicator.level2) !== '数量指标') return null;
  if (target.value === null || target.value <= 0 || target.op === '<=' || target.op === '<') return null;
  const unit = foldName(target.unit ?? '');
  if (unit === '' || NOT_A_QUANTITY.test(unit)) return null;
  return peerKey(indicator.name, unit);
}

/** The 三级 names (spaces removed) of the document's priced 数量指标: what to ask the peers of. */
export function quantityNames(document: TargetsDocument): string[] {
  const names = new Set<string>();
  for (const project of document.projects) {
    for (const indicator of project.indicators) if (quantityKey(indicator) !== null) names.add(squash(indicator.name));
  }
  return [...names];
}

function peerKey(name: string, unit: string): string {
  return `${foldName(name)}\u0000${foldName(unit)}`;
}

/** 预算数 (元) ÷ quantity in 分 per unit; null when the budget is not a positive amount or the number is not plain. */
function costPerUnit(budgetTotal: string | null, quantity: number): Rational | null {
  const cents = budgetTotal === null ? null : parseAmountToCents(budgetTotal);
  if (cents === null || cents <= 0n || !(quantity > 0)) return null;
  try {
    return div(rational(cents), fromNumber(quantity));
  } catch {
    return null; // 1e-7 and the like: not a decimal a person wrote
  }
}

/** Every priced 数量指标 of the document's projects, by indicator (each costed once per review). */
export function documentCostRows(document: TargetsDocument): Map<Indicator, CostRow> {
  const rows = new Map<Indicator, CostRow>();
  for (const project of document.projects) {
    for (const indicator of project.indicators) {
      const key = quantityKey(indicator);
      const cost = key === null ? null : costPerUnit(project.budget.total, indicator.target.value!);
      if (key !== null && cost !== null)
        rows.set(indicator, { key, source: 'document', projectKey: `document\u0000${project.code}`, cost });
    }
  }
  return rows;
}

/** Rows by key, each group sorted by cost (sorted once: exact comparisons cost bigint products). */
export function sortedGroups(rows: readonly CostRow[]): Map<string, CostRow[]> {
  const groups = new Map<string, CostRow[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }
  for (const group of groups.values()) group.sort((a, b) => compare(a.cost, b.cost));
  return groups;
}

export function peerCostRows(peers: readonly IndicatorPeer[]): CostRow[] {
  const rows: CostRow[] = [];
  for (const peer of peers) {
    const unit = foldName(peer.unit);
    const cost = costPerUnit(peer.budgetTotal, peer.quantity);
    if (cost === null || unit === '' || NOT_A_QUANTITY.test(unit)) continue;
    const projectKey = `${peer.source}\u0000${peer.unitCode}\u0000${peer.fiscalYear}\u0000${peer.projectCode}`;
    rows.push({ key: peerKey(peer.name, unit), source: peer.source, projectKey, cost });
  }
  return rows;
}

/** The median of values already sorted (the mean of the middle two when their number is even). */
export function medianOfSorted(sorted: readonly Rational[]): Rational {
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return div(add(sorted[middle - 1]!, sorted[middle]!), rational(2n));
}

/** 'high' when cost > factor × median, 'low' when cost × factor < median, else null. */
export function outsideBand(cost: Rational, peerMedian: Rational, factor: number): 'high' | 'low' | null {
  const f = fromDecimal(factor);
  if (compare(cost, mul(peerMedian, f)) > 0) return 'high';
  if (compare(mul(cost, f), peerMedian) < 0) return 'low';
  return null;
}
