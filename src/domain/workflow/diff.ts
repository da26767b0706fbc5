import type { Budget, Indicator, OverallTargets, Project, TargetsDocument } from '../targets.ts';

/**
 * One changed field between two versions of a unit-year's targets. `path` points into the later
 * document where it can (projects by code, indicators by position); `where` names the place and
 * `label` the field, both in Chinese; values are shown as text (null: absent on that side).
 */
export interface TargetsChange {
  path: (string | number)[];
  where: string;
  label: string;
  before: string | null;
  after: string | null;
}

type Path = TargetsChange['path'];

class Changes {
  readonly list: TargetsChange[] = [];
  field(path: Path, where: string, label: string, before: unknown, after: unknown): void {
    const a = show(before);
    const b = show(after);
    if (a !== b) this.list.push({ path, where, label, before: a, after: b });
  }
}

function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

/** Field-by-field differences from `before` to `after`: projects matched by code, the rest by position. */
export function diffTargets(before: TargetsDocument, after: TargetsDocument): TargetsChange[] {
  const changes = new Changes();
  changes.field(['unit', 'name'], '单位', '单位名称', before.unit.name, after.unit.name);
  diffOverall(changes, before.overall, after.overall);
  diffProjects(changes, before.projects, after.projects);
  return changes.list;
}

function diffOverall(changes: Changes, before: OverallTargets, after: OverallTargets): void {
  const goals = Math.max(before.goals.length, after.goals.length);
  for (let i = 0; i < goals; i++) {
    const a = before.goals[i];
    const b = after.goals[i];
    const where = `部门整体绩效目标 第${i + 1}条`;
    changes.field(['overall', 'goals', i, 'title'], where, '总体绩效目标', a?.title, b?.title);
    changes.field(['overall', 'goals', i, 'detail'], where, '分项绩效目标', a?.detail, b?.detail);
  }
  const sections = Math.max(before.measures.length, after.measures.length);
  for (let i = 0; i < sections; i++) {
    const a = before.measures[i];
    const b = after.measures[i];
    const where = `工作保障措施 第${i + 1}部分`;
    changes.field(['overall', 'measures', i, 'heading'], where, '标题', a?.heading, b?.heading);
    const items = Math.max(a?.items.length ?? 0, b?.items.length ?? 0);
    for (let j = 0; j < items; j++) {
      const ai = a?.items[j];
      const bi = b?.items[j];
      const text = (item: typeof ai) => (item ? `${item.label}${item.text}` : null);
      changes.field(['overall', 'measures', i, 'items', j], where, `措施 ${j + 1}`, text(ai), text(bi));
    }
  }
  // 部门整体支出绩效目标表 of provincial layouts: its budget and department-level indicators.
  diffBudget(changes, ['overall', 'budget'], '部门整体支出绩效目标表', before.budget, after.budget);
  const indicators = pairIndicators(before.indicators ?? [], after.indicators ?? []);
  diffIndicators(changes, ['overall'], '部门整体支出绩效目标表', indicators);
}

function diffBudget(changes: Changes, path: Path, where: string, a: Budget | undefined, b: Budget | undefined): void {
  changes.field([...path, 'total'], where, '预算数', a?.total, b?.total);
  changes.field([...path, 'fiscal'], where, '财政资金', a?.fiscal, b?.fiscal);
  changes.field([...path, 'other'], where, '其他资金', a?.other, b?.other);
}

/** Labelled cells of a provincial layout (extras): one change per label. */
function diffExtras(
  changes: Changes,
  path: Path,
  where: string,
  a?: Record<string, string>,
  b?: Record<string, string>,
) {
  for (const label of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
    changes.field([...path, 'extras', label], where, label, a?.[label], b?.[label]);
  }
}

function diffProjects(changes: Changes, before: Project[], after: Project[]): void {
  const earlier = new Map(before.map((project) => [project.code, project]));
  const later = new Set(after.map((project) => project.code));
  for (const project of after) {
    const old = earlier.get(project.code);
    if (old) diffProject(changes, old, project);
    else changes.field(['projects', project.code], `项目 ${project.code}`, '新增项目', null, project.name);
  }
  for (const project of before) {
    if (!later.has(project.code))
      changes.field(['projects', project.code], `项目 ${project.code}`, '删除项目', project.name, null);
  }
}

function diffProject(changes: Changes, a: Project, b: Project): void {
  const base: Path = ['projects', b.code];
  const where = `项目 ${b.code} ${b.name}`;
  changes.field([...base, 'name'], where, '项目名称', a.name, b.name);
  diffBudget(changes, [...base, 'budget'], where, a.budget, b.budget);
  changes.field([...base, 'purpose'], where, '资金用途', a.purpose, b.purpose);
  diffDetails(changes, [...base, 'details'], where, a, b);
  const months = [...new Set([...a.spendingPlan, ...b.spendingPlan].map((c) => c.month))].sort((x, y) => x - y);
  for (const month of months) {
    const percent = (plan: Project['spendingPlan']) => {
      const checkpoint = plan.find((c) => c.month === month);
      return checkpoint
        ? checkpoint.cumulativePercent === null
          ? '（空）'
          : `${checkpoint.cumulativePercent}%`
        : null;
    };
    changes.field(
      [...base, 'spendingPlan', month],
      where,
      `资金支出计划 ${month}月底`,
      percent(a.spendingPlan),
      percent(b.spendingPlan),
    );
  }
  changes.field([...base, 'goals'], where, '项目绩效目标', a.goals, b.goals);
  changes.field(
    [...base, 'details', 'longTermGoals'],
    where,
    '长期目标',
    a.details?.longTermGoals,
    b.details?.longTermGoals,
  );
  diffIndicators(changes, base, where, pairIndicators(a.indicators, b.indicators));
}

type IndicatorPair = { before: Indicator | undefined; after: Indicator | undefined; position: number };

/**
 * Indicators have no code: a pair is the same 三级指标 name when it is unique on both sides (so an
 * inserted row does not make every later row "changed"), otherwise the same position.
 */
export function pairIndicators(before: Indicator[], after: Indicator[]): IndicatorPair[] {
  const uniqueNames = (list: Indicator[]) => {
    const counts = new Map<string, number>();
    for (const indicator of list) counts.set(indicator.name, (counts.get(indicator.name) ?? 0) + 1);
    return counts;
  };
  const countsA = uniqueNames(before);
  const countsB = uniqueNames(after);
  const byName = (name: string) => countsA.get(name) === 1 && countsB.get(name) === 1;
  const usedBefore = new Set<number>();
  const pairs: IndicatorPair[] = [];
  after.forEach((indicator, position) => {
    let index = byName(indicator.name) ? before.findIndex((candidate) => candidate.name === indicator.name) : -1;
    if (index < 0 && position < before.length && !usedBefore.has(position) && !byName(before[position]!.name))
      index = position;
    if (index >= 0) usedBefore.add(index);
    pairs.push({ before: index >= 0 ? before[index] : undefined, after: indicator, position });
  });
  before.forEach((indicator, index) => {
    if (!usedBefore.has(index)) pairs.push({ before: indicator, after: undefined, position: index });
  });
  return pairs;
}

function diffIndicators(changes: Changes, base: Path, projectWhere: string, pairs: IndicatorPair[]): void {
  for (const { before: a, after: b, position } of pairs) {
    const path: Path = [...base, 'indicators', position];
    const where = `${projectWhere} · 第${position + 1}个指标「${(b ?? a)!.name}」`;
    if (!a || !b) {
      changes.field(path, where, a ? '删除指标' : '新增指标', a ? indicatorText(a) : null, b ? indicatorText(b) : null);
      continue;
    }
    changes.field([...path, 'level1'], where, '一级指标', a.level1, b.level1);
    changes.field([...path, 'level2'], where, '二级指标', a.level2, b.level2);
    changes.field([...path, 'name'], where, '三级指标', a.name, b.name);
    changes.field([...path, 'description'], where, '指标解释', a.description, b.description);
    changes.field([...path, 'target'], where, '指标值', a.target.raw, b.target.raw);
    changes.field([...path, 'basis'], where, '指标值确定依据', a.basis, b.basis);
    changes.field([...path, 'nature'], where, '指标性质', NATURE[a.nature ?? ''], NATURE[b.nature ?? '']);
    changes.field([...path, 'weight'], where, '权重', a.weight, b.weight);
    changes.field(
      [...path, 'direction'],
      where,
      '指标方向',
      DIRECTION[a.direction ?? ''],
      DIRECTION[b.direction ?? ''],
    );
    diffExtras(changes, path, where, a.extras, b.extras);
  }
}

const NATURE: Record<string, string> = { quantitative: '定量', qualitative: '定性' };
const DIRECTION: Record<string, string> = { positive: '正向', negative: '反向' };

/** What provincial layouts state about a project beyond the seed's (ProjectDetails). */
function diffDetails(changes: Changes, path: Path, where: string, a: Project, b: Project): void {
  changes.field([...path, 'department'], where, '主管部门', a.details?.department, b.details?.department);
  changes.field([...path, 'implementer'], where, '实施单位', a.details?.implementer, b.details?.implementer);
  changes.field([...path, 'period'], where, '实施期限', a.details?.period, b.details?.period);
  diffExtras(changes, path, where, a.details?.extras, b.details?.extras);
}

function indicatorText(indicator: Indicator): string {
  return `${indicator.level1}/${indicator.level2}/${indicator.name}：${indicator.target.raw}`;
}
