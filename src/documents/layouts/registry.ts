import { ANHUI } from './defs/anhui.ts';
import { CENTRAL } from './defs/central.ts';
import { CHONGQING_OVERALL } from './defs/chongqing-overall.ts';
import { EVALUATION_INDICATORS } from './defs/evaluation-indicators.ts';
import { HEBEI_SEED } from './defs/hebei-seed.ts';
import { HUBEI } from './defs/hubei.ts';
import { HUNAN } from './defs/hunan.ts';
import { MONITORING } from './defs/monitoring.ts';
import { OVERALL_EVALUATION } from './defs/overall-evaluation.ts';
import { OVERALL_TARGETS } from './defs/overall-targets.ts';
import { PROJECT_EVALUATION } from './defs/project-evaluation.ts';
import { SICHUAN_EVALUATION, SICHUAN_TARGETS } from './defs/sichuan-integrated.ts';
import { labelKey } from './labels.ts';
import type { LayoutDef } from './layout.ts';
import type { TableKind } from './reading.ts';

/** Every layout Jixiao knows, provincial forms first: on equal scores the earlier one is named. */
export const LAYOUTS: readonly LayoutDef[] = [
  HEBEI_SEED,
  SICHUAN_TARGETS,
  SICHUAN_EVALUATION,
  HUBEI,
  HUNAN,
  ANHUI,
  CHONGQING_OVERALL,
  CENTRAL,
  OVERALL_TARGETS,
  PROJECT_EVALUATION,
  OVERALL_EVALUATION,
  EVALUATION_INDICATORS,
  MONITORING,
];

/** The national form of each kind: what a table is read as when no provincial form scores higher. */
const DEFAULTS: Readonly<Record<TableKind, LayoutDef>> = {
  'project-targets': CENTRAL,
  'overall-targets': OVERALL_TARGETS,
  'project-evaluation': PROJECT_EVALUATION,
  'overall-evaluation': OVERALL_EVALUATION,
  'evaluation-indicators': EVALUATION_INDICATORS,
  monitoring: MONITORING,
};

export const KIND_NAMES: Readonly<Record<TableKind, string>> = {
  'project-targets': '项目支出绩效目标表',
  'overall-targets': '部门（单位）整体支出绩效目标表',
  'project-evaluation': '项目支出绩效自评表',
  'overall-evaluation': '部门（单位）整体支出绩效自评表',
  'evaluation-indicators': '绩效评价指标表',
  monitoring: '项目支出绩效目标执行监控表',
};

/**
 * The layout of `kind` a table most looks like: two points per title word it shares, one per signature label
 * it has; a one-row-per-project-indicator table (`flat`) only matches flat forms. The national form when none scores.
 */
export function chooseLayout(kind: TableKind, title: string, keys: ReadonlySet<string>, flat: boolean): LayoutDef {
  let best = DEFAULTS[kind];
  let bestScore = 0;
  for (const layout of LAYOUTS) {
    if (layout.kind !== kind || (layout.indicators.shape === 'flat') !== flat) continue;
    const words = layout.titleWords.filter((word) => title.includes(word)).length;
    const labels = layout.signature.filter((label) => keys.has(labelKey(label))).length;
    const score = 2 * words + labels;
    if (score > bestScore) [best, bestScore] = [layout, score];
  }
  return best;
}
