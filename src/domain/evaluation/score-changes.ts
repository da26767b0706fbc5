/**
 * Every score that differs between two scorings of a 自评表, per project and indicator (执行率 and the
 * project total too): what the audit log records with each save, re-score and reopen (decision 035),
 * so that the log shows who changed which score from what to what.
 */
interface ScoredProjectView {
  code: string;
  score: number;
  execution: { points: number | null };
  indicators: readonly { name: string; points: number | null }[];
}

interface ScoreChange {
  project: string;
  /** The indicator's name; '执行率' for budget execution, '总分' for the project's total. */
  item: string;
  before: number | null;
  after: number | null;
}

export function scoreChanges(
  before: readonly ScoredProjectView[] | null,
  after: readonly ScoredProjectView[],
): ScoreChange[] {
  const changes: ScoreChange[] = [];
  for (const project of after) {
    const old = before?.find((p) => p.code === project.code);
    const push = (item: string, was: number | null, now: number | null) => {
      if (was !== now) changes.push({ project: project.code, item, before: was, after: now });
    };
    push('执行率', old?.execution.points ?? null, project.execution.points);
    for (const indicator of project.indicators) {
      push(indicator.name, old?.indicators.find((i) => i.name === indicator.name)?.points ?? null, indicator.points);
    }
    push('总分', old?.score ?? null, project.score);
  }
  return changes;
}
