/**
 * The problems a unit-year's 自评 shows (结果应用, decision 048): what the bureau's results list names and a
 * 整改通知 is issued about. Read from the scored 自评表 as it stands; nothing here is stored.
 */
export type ProblemKind = 'low-grade' | 'low-execution' | 'missed-indicator' | 'recheck-change' | 'open-warnings';

export interface Problem {
  kind: ProblemKind;
  /** null: about the whole unit (open monitoring warnings). */
  projectCode: string | null;
  projectName: string | null;
  indicator: string | null;
  /** The figure the problem is about: the score, the 执行率 %, the points against the weight, a count. */
  value: string;
  /** low-grade: the project's grade (中/差); null for the other kinds. */
  grade: '中' | '差' | null;
  /** The unit's own words: 偏差原因 of a missed indicator, the reason for low execution; '' when none given. */
  reason: string;
}

/** What of a scored project the problems read (the contract's EvaluationProject fits). */
export interface ScoredProject {
  code: string;
  name: string;
  executionReason: string;
  indicators: readonly { name: string; deviationReason: string; recheck: { unitPoints: number | null } | null }[];
  score: {
    score: number;
    grade: '优' | '良' | '中' | '差' | null;
    scorable: boolean;
    execution: { rate: number | null };
    indicators: readonly { name: string; weight: number; points: number | null; met: boolean | null }[];
  };
}

/** Below this 执行率 (%) the 10号 rules ask for a reason: the results list names it. */
const LOW_EXECUTION_RATE = 90;

const fixed = (n: number) => String(Math.round(n * 100) / 100);

/** Each project's problems in the 自评表's order, then the unit's open monitoring warnings. */
export function problemsOf(projects: readonly ScoredProject[], openWarnings: number): Problem[] {
  const problems = projects.flatMap(projectProblems);
  if (openWarnings > 0) {
    problems.push({
      kind: 'open-warnings',
      projectCode: null,
      projectName: null,
      indicator: null,
      value: String(openWarnings),
      grade: null,
      reason: '',
    });
  }
  return problems;
}

function projectProblems(project: ScoredProject): Problem[] {
  const at = { projectCode: project.code, projectName: project.name, grade: null };
  const problems: Problem[] = [];
  const { score } = project;
  if (score.scorable && (score.grade === '中' || score.grade === '差')) {
    problems.push({
      kind: 'low-grade',
      ...at,
      grade: score.grade,
      indicator: null,
      value: fixed(score.score),
      reason: '',
    });
  }
  const rate = score.execution.rate;
  if (rate !== null && rate < LOW_EXECUTION_RATE) {
    problems.push({
      kind: 'low-execution',
      ...at,
      indicator: null,
      value: `${fixed(rate)}%`,
      reason: project.executionReason,
    });
  }
  const entered = new Map(project.indicators.map((i) => [i.name, i]));
  for (const indicator of score.indicators) {
    const points = indicator.points === null ? '—' : fixed(indicator.points);
    const own = entered.get(indicator.name);
    if (indicator.met === false) {
      problems.push({
        kind: 'missed-indicator',
        ...at,
        indicator: indicator.name,
        value: `${points}/${fixed(indicator.weight)}`,
        reason: own?.deviationReason ?? '',
      });
    }
    if (own?.recheck) {
      const before = own.recheck.unitPoints === null ? '—' : fixed(own.recheck.unitPoints);
      problems.push({
        kind: 'recheck-change',
        ...at,
        indicator: indicator.name,
        value: `${before} → ${points}`,
        reason: '',
      });
    }
  }
  return problems;
}
