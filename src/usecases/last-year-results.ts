import type { Evaluation } from '../contract/evaluation.ts';
import { loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import { openNoticesByProject } from '../db/results-list.repo.ts';
import { noticeTargetOf } from '../db/results.repo.ts';
import type { Executor } from '../db/schema.ts';
import { type LastYearMatch, type LastYearProject, matchLastYear } from '../domain/results/last-year.ts';

/** A scored 自评's projects as the results show them: the score in force and its grade (none when unscorable). */
export function projectResults(
  evaluation: Evaluation,
): { code: string; name: string; score: number | null; grade: LastYearProject['grade'] }[] {
  return evaluation.projects.map((p) => ({
    code: p.code,
    name: p.name,
    score: p.score.scorable ? p.score.score : null,
    grade: p.score.scorable ? p.score.grade : null,
  }));
}

/**
 * Last year's 自评 result beside each of this year's projects (decision 048): the review page's column and the
 * review rule feasibility.last-year-poor. Empty when either year has no targets or last year has no 自评.
 */
export async function lastYearResults(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
  previousYear: number | null,
): Promise<LastYearMatch[]> {
  if (previousYear === null) return [];
  const current = await noticeTargetOf(db, key);
  if (!current) return [];
  const previousKey = { unitCode: key.unitCode, fiscalYear: previousYear };
  const evaluation = presentEvaluation(await loadEvaluatedYear(db, previousKey));
  if (evaluation.status === 'none') return [];
  const open = await openNoticesByProject(db, previousKey);
  const previous = projectResults(evaluation).map((p) => ({ ...p, openNotices: open.get(p.code) ?? 0 }));
  return matchLastYear(current.projects, previous);
}
