import { formatCents, parseAmountToCents } from '../money.ts';
import { type Rational, div, toCents, toFixed } from '../rational.ts';
import { forEachIndicator, forEachProject, hit, indicatorLabel, NONE } from './project-walk.ts';
import type { ReviewRule } from './types.ts';
import {
  type CostRow,
  type PeerSource,
  documentCostRows,
  medianOfSorted,
  outsideBand,
  peerCostRows,
  sortedGroups,
} from './unit-cost.ts';

/*
 * 适当性 (财预〔2015〕88号 第三条（三）: 资金规模与绩效目标之间是否匹配，在既定资金规模下绩效目标是否过高或过低): the money
 * against the targets. The rules that used to be filed here and check something else moved to their criterion
 * (decision 032); their ids stayed.
 */

const budgetPositive: ReviewRule = {
  id: 'appropriateness.budget-positive',
  criterion: '适当性',
  severity: 'error',
  title: '预算数大于 0：没有资金的目标无从匹配（预算数为 0 或负数是缺陷）',
  check: ({ document }) =>
    forEachProject(document, (project) => {
      const total = project.budget.total;
      const cents = total === null ? null : parseAmountToCents(total);
      if (cents === null || cents > 0n) return NONE; // a missing total is completeness.required-fields
      return [
        hit(
          ['budget', 'total'],
          `预算数为 ${total} 元：预算为 0 或负数，资金规模与绩效目标无法匹配`,
          `The budget total is ${total}: a budget of 0 or less cannot match any target`,
        ),
      ];
    }),
};

const SOURCE_NAME: Record<PeerSource, { zh: string; en: string }> = {
  document: { zh: '本单位其他项目', en: 'other projects of the unit' },
  'last-year': { zh: '本单位上年', en: 'the unit last year' },
  bureau: { zh: '同一财政局其他单位', en: 'other units of the bureau' },
};

/** "本单位其他项目 1 个、本单位上年 2 个": which peers the median is of. */
function describePeers(peers: readonly CostRow[]): { zh: string; en: string } {
  const counts = new Map<PeerSource, number>();
  for (const peer of peers) counts.set(peer.source, (counts.get(peer.source) ?? 0) + 1);
  // Always in the same order (own document, last year, bureau), whatever the costs' order.
  const parts = (Object.keys(SOURCE_NAME) as PeerSource[])
    .filter((source) => counts.has(source))
    .map((source) => ({ source: SOURCE_NAME[source], count: counts.get(source)! }));
  return {
    zh: parts.map((p) => `${p.source.zh} ${p.count} 个`).join('、'),
    en: parts.map((p) => `${p.count} from ${p.source.en}`).join(', '),
  };
}

/** 分 per unit shown in 元, rounded to the 分. */
const yuan = (cents: Rational): string => formatCents(toCents(cents));

const unitCost: ReviewRule = {
  id: 'appropriateness.unit-cost',
  criterion: '适当性',
  severity: 'warning',
  title:
    '单位产出成本（预算数 ÷ 数量指标值）与同类指标（本单位其他项目、上年、同局其他单位）的中位数相差不超过 unitCostFactor 倍',
  check: ({ document, policy, peers }) => {
    const own = documentCostRows(document);
    if (own.size === 0 || own.size + peers.length < 2) return [];
    const groups = sortedGroups([...own.values(), ...peerCostRows(peers)]);
    return forEachIndicator(document, (indicator, index) => {
      const row = own.get(indicator);
      if (row === undefined) return NONE;
      // The group is sorted once; leaving out the project's own rows keeps it sorted.
      const others = groups.get(row.key)!.filter((peer) => peer.projectKey !== row.projectKey);
      if (others.length < policy.unitCostMinPeers || others.length === 0) return NONE;
      const peerMedian = medianOfSorted(others.map((peer) => peer.cost));
      const side = outsideBand(row.cost, peerMedian, policy.unitCostFactor);
      if (side === null) return NONE;
      const label = indicatorLabel(indicator, index);
      const unit = indicator.target.unit ?? '';
      const times = toFixed(side === 'high' ? div(row.cost, peerMedian) : div(peerMedian, row.cost), 1);
      const which = describePeers(others);
      const [zh, en] =
        side === 'high' ? [`为中位数的 ${times} 倍`, `${times} times`] : [`仅为中位数的 1/${times}`, `1/${times} of`];
      return [
        hit(
          ['indicators', index, 'target'],
          `${label.zh}的单位产出成本 ${yuan(row.cost)} 元/${unit}（预算数 ÷ ${indicator.target.value}），同类指标中位数 ${yuan(peerMedian)} 元/${unit}（${which.zh}），${zh}：请核实资金规模与目标是否匹配`,
          `${label.en}: cost per unit ${yuan(row.cost)} per ${unit} is ${en} the median ${yuan(peerMedian)} of the same indicator (${which.en}); check that the money matches the target`,
        ),
      ];
    });
  },
};

export const APPROPRIATENESS_RULES: readonly ReviewRule[] = [budgetPositive, unitCost];

/** Rules that are aids for the reviewer: shown with the findings, never counted in the grade (decision 032). */
export const GRADE_EXEMPT_RULES: ReadonlySet<string> = new Set([unitCost.id]);
