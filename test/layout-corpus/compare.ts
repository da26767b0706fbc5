import type { TablesReading } from '../../src/documents/layouts/reading.ts';
import type { Indicator } from '../../src/domain/targets.ts';
import type { Facts, IndicatorFacts } from './facts.ts';

/**
 * Every fact of a corpus document checked against what the readers made of its file: one line per difference,
 * naming the fact ("项目“…” 指标“…” 实际完成值: 应为 “12.6公里”，读出 “12.6”"), empty when all agree.
 */
export function factDifferences(facts: Facts, reading: TablesReading): string[] {
  const out: string[] = [];
  const same = (what: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual ?? null))
      out.push(`${what}: 应为 ${JSON.stringify(expected)}，读出 ${JSON.stringify(actual ?? null)}`);
  };
  const layouts = reading.tables.map((t) => t.layout);
  if (!layouts.includes(facts.layout)) out.push(`版式: 应识别为 ${facts.layout}，识别为 ${JSON.stringify(layouts)}`);
  const document =
    facts.kind === 'project-evaluation'
      ? reading.evaluation
      : facts.kind === 'monitoring'
        ? reading.monitoring
        : reading.targets;
  if (!document) return [...out, `没有读出${facts.kind}文档`];
  same('单位名称', facts.unit.name, document.unit.name);
  same('单位编码', facts.unit.code, document.unit.code);
  if (facts.fiscalYear !== undefined) same('年度', facts.fiscalYear, document.fiscalYear);
  if (facts.asOfMonth !== undefined && reading.monitoring)
    same('截至月份', facts.asOfMonth, reading.monitoring.asOfMonth);
  if (facts.overall) {
    const overall = reading.targets?.overall;
    same('整体预算', facts.overall.budget, overall?.budget);
    out.push(...indicatorDifferences('整体', facts.overall.indicators, overall?.indicators ?? []));
  }
  const projects: ReadProject[] = document.projects;
  same('项目数', facts.projects.length, projects.length);
  for (const project of facts.projects) {
    const read = projects.find((p) => p.name === project.name);
    const at = `项目“${project.name}”`;
    if (!read) {
      out.push(`${at}: 没有读出（读出的项目：${projects.map((p) => p.name).join('、')}）`);
      continue;
    }
    if (project.code === null) same(`${at} 编码为推导`, true, read.derivedCode === true && read.code !== '');
    else same(`${at} 项目编码`, project.code, read.code);
    if (project.budget) same(`${at} 预算（元）`, project.budget, 'budget' in read ? read.budget : null);
    if (project.period) same(`${at} 实施期限`, project.period, read.details?.period);
    if (project.execution) {
      const execution = 'execution' in read ? read.execution : undefined;
      for (const [key, value] of Object.entries(project.execution)) {
        if (key === 'fiscal') continue;
        same(`${at} 预算执行 ${key}`, value, execution?.[key as keyof typeof execution]);
      }
      for (const [key, value] of Object.entries(project.execution.fiscal ?? {}))
        same(`${at} 预算执行（财政拨款）${key}`, value, execution?.fiscal?.[key as 'planned']);
    }
    if (project.totalScore !== undefined)
      same(`${at} 总分`, project.totalScore, 'totalScore' in read ? read.totalScore : null);
    if (project.grade !== undefined) same(`${at} 等级`, project.grade, 'grade' in read ? read.grade : null);
    out.push(...indicatorDifferences(at, project.indicators, read.indicators));
  }
  return out;
}

type ReadProject = NonNullable<
  TablesReading['targets'] | TablesReading['evaluation'] | TablesReading['monitoring']
>['projects'][number];

/** Indicators matched by 三级 name in order; then each stated field. */
function indicatorDifferences(at: string, expected: IndicatorFacts[], read: Indicator[]): string[] {
  const out: string[] = [];
  if (expected.length !== read.length)
    out.push(`${at} 指标数: 应为 ${expected.length}，读出 ${read.length}（${read.map((i) => i.name).join('、')}）`);
  const used = new Set<number>();
  for (const facts of expected) {
    const index = read.findIndex((i, n) => !used.has(n) && i.name === facts.name);
    const where = `${at} 指标“${facts.name}”`;
    if (index < 0) {
      out.push(`${where}: 没有读出`);
      continue;
    }
    used.add(index);
    const indicator = read[index]! as Indicator & Record<string, unknown>;
    const same = (what: string, value: unknown, actual: unknown) => {
      if (JSON.stringify(value) !== JSON.stringify(actual ?? null))
        out.push(`${where} ${what}: 应为 ${JSON.stringify(value)}，读出 ${JSON.stringify(actual ?? null)}`);
    };
    same('一级', facts.level1, indicator.level1);
    same('二级', facts.level2, indicator.level2);
    same('指标值', facts.target, indicator.target.raw);
    for (const key of [
      'nature',
      'weight',
      'direction',
      'actual',
      'score',
      'progress',
      'expected',
      'likelihood',
    ] as const)
      if (facts[key] !== undefined) same(key, facts[key], indicator[key]);
    // A reason the form leaves empty may be read as null or as an empty text.
    if ('actual' in facts || 'progress' in facts)
      same('偏差原因', facts.deviationReason ?? '', indicator['deviationReason'] ?? '');
    for (const [label, value] of Object.entries(facts.extras ?? {}))
      same(`“${label}”列`, value, indicator.extras?.[label]);
  }
  return out;
}
