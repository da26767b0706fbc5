import type { z } from 'zod';
import type { Evaluation, SaveEvaluationBodySchema } from '../contract/evaluation.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { type EvaluatedYear, loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import { type StoredProjectEvaluation, evaluationVersion, replaceEvaluationIfVersion } from '../db/evaluation.repo.ts';
import { versionConflict } from '../db/last-change.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import { AppError, type ErrorIssue } from '../domain/errors.ts';
import { fractionAsPercent, fractionOfPercentQuestion, scoreProject } from '../domain/scoring/index.ts';
import { assertStep } from '../domain/evaluation/procedure.ts';
import { scoreChanges } from '../domain/evaluation/score-changes.ts';
import { splitProblem } from '../domain/evaluation/spent-split.ts';

/** A validated 自评表 save (saveEvaluation's input after its schema, or an imported 自评表). */
export interface StoreEvaluationInput {
  unitCode: string;
  fiscalYear: number;
  /** Save and submit to the department (locks the 自评表); refused while anything is still owed. */
  submit?: boolean;
  /** The version the 自评表 was read at (0 = none stored yet); undefined replaces whatever is stored. */
  expectedVersion?: number;
  projects: ProjectInput[];
}

/**
 * Stores a unit-year's 自评表 whole inside the caller's transaction (saveEvaluation's own, or an import's that
 * also creates the targets) and returns it scored: the checks and the version rule of saveEvaluation.
 */
export async function storeEvaluation(trx: Executor, actor: Actor, parsed: StoreEvaluationInput): Promise<Evaluation> {
  const key = { unitCode: parsed.unitCode, fiscalYear: parsed.fiscalYear };
  const year = await loadEvaluatedYear(trx, key);
  // Submitted and later: locked until the department returns it or the bureau reopens it (decision 035).
  assertStep(parsed.submit ? 'submit' : 'save', year.stored?.status ?? 'none', actor.role);
  const ref = { unitId: year.unitId, fiscalYear: key.fiscalYear };
  const projects = checkedProjects(year, parsed.projects);
  const status = parsed.submit ? 'submitted' : 'draft';
  const next: EvaluatedYear = {
    ...year,
    stored: {
      ...year.stored,
      ...(parsed.submit ? { reviewComment: '' } : {}),
      status,
      updatedBy: actor.username,
      updatedAt: new Date(),
      projects,
    },
  };
  const evaluation = presentEvaluation(next);
  if (parsed.submit) refuseIncomplete(evaluation);
  const version = await replaceEvaluationIfVersion(trx, ref, parsed.expectedVersion, {
    status,
    updatedBy: actor.username,
    projects,
  });
  if (version === undefined) {
    const current = await evaluationVersion(trx, ref);
    throw await versionConflict(trx, `${key.unitCode} ${key.fiscalYear} 年度的自评表`, {
      username: current.updatedBy,
      at: current.updatedAt,
      currentVersion: current.version,
      expectedVersion: parsed.expectedVersion!,
    });
  }
  await recordAudit(trx, actor, {
    action: parsed.submit ? 'submit-evaluation' : 'save-evaluation',
    unitCode: key.unitCode,
    fiscalYear: key.fiscalYear,
    entity: 'evaluation',
    entityKey: `${key.unitCode}/${key.fiscalYear}`,
    before: year.stored ? { status: year.stored.status, projects: year.stored.projects } : null,
    after: {
      status,
      projects,
      scoreChanges: scoreChanges(
        year.stored ? presentEvaluation(year).projects.map((p) => p.score) : null,
        evaluation.projects.map((p) => p.score),
      ),
    },
  });
  return { ...evaluation, version };
}

type ProjectInput = z.output<typeof SaveEvaluationBodySchema>['projects'][number];

function checkedProjects(year: EvaluatedYear, input: ProjectInput[]): StoredProjectEvaluation[] {
  return input.map((entry, p) => {
    const project = year.projects.find((candidate) => candidate.code === entry.code);
    if (!project) {
      throw new AppError(
        'VALIDATION',
        `单位 ${year.unit.code} ${year.fiscalYear} 年度没有编码为 ${entry.code} 的项目`,
        { location: { path: ['projects', p, 'code'] } },
      );
    }
    const stored: StoredProjectEvaluation = {
      code: entry.code,
      executionReason: entry.executionReason?.trim() ?? '',
      spentFiscal: entry.spentFiscal ?? null,
      spentOther: entry.spentOther ?? null,
      categoryPoints: entry.categoryPoints ?? null,
      indicators: entry.indicators.map((i) => ({
        name: i.name,
        actual: i.actual?.trim() || null,
        notApplicable: i.notApplicable ?? false,
        deviationReason: i.deviationReason?.trim() ?? '',
        improvementMeasures: i.improvementMeasures?.trim() ?? '',
        weight: i.weight == null ? null : String(i.weight),
        band: i.band ?? null,
        bandPercent: i.bandPercent == null ? null : String(i.bandPercent),
        scoreReason: i.scoreReason?.trim() ?? '',
        percentConfirmed: i.percentConfirmed ?? false,
      })),
    };
    const split = splitProblem(year.money.get(entry.code)?.spent ?? null, stored.spentFiscal, stored.spentOther);
    if (split !== null) {
      throw new AppError('VALIDATION', `项目 ${entry.code}：${split}`, {
        location: { path: ['projects', p, stored.spentFiscal === null ? 'spentFiscal' : 'spentOther'] },
      });
    }
    const seen = new Set<string>();
    stored.indicators.forEach((i, k) => {
      if (seen.has(i.name))
        throw new AppError('VALIDATION', `项目 ${entry.code} 的指标“${i.name}”重复出现`, {
          location: { path: ['projects', p, 'indicators', k, 'name'] },
          details: { reason: 'evaluation.duplicate-indicator', project: entry.code, indicator: i.name },
        });
      seen.add(i.name);
    });
    try {
      // Scoring is the check: unknown names and unreadable actuals are refused with their path.
      scoreProject(
        project,
        {
          adjustedBudget: null,
          spent: null,
          categoryPoints: entry.categoryPoints ?? null,
          indicators: entry.indicators,
        },
        year.policy,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError('VALIDATION', `项目 ${entry.code}：${error.message}`, {
        location: { path: ['projects', p, ...(error.location?.path ?? [])] },
      });
    }
    return stored;
  });
}

/**
 * What one indicator still owes before submission: an actual, the evaluator's decision, a 评分理由. Each gap
 * carries its reason key and names (decision 043) so the English page words it.
 */
function indicatorIssues(project: Evaluation['projects'][number], p: number, k: number): ErrorIssue[] {
  const score = project.score.indicators[k]!;
  const entry = project.indicators[k];
  const label = `项目 ${project.code} 指标“${score.name}”`;
  const subject = { project: project.code, indicator: score.name };
  const gap = (field: string, message: string, reason: ErrorIssue['reason'], value?: string): ErrorIssue[] => [
    { path: ['projects', p, 'indicators', k, field], message, rule: 'custom', reason, subject: { ...subject, value } },
  ];
  if (score.missing && score.decision === null)
    return gap('actual', `${label}缺少实际完成值`, 'gap.evaluation.actual-missing');
  if (score.decision === 'fraction-of-percent') {
    const actual = entry?.actual ?? '';
    const question = fractionOfPercentQuestion(actual);
    return gap('actual', `${label}：${question}`, 'gap.evaluation.fraction-of-percent', fractionAsPercent(actual));
  }
  if (score.decision !== null)
    return gap('band', `${label}须由评价人选择评价档次并给出分数`, 'gap.evaluation.band-required');
  if (entry?.band != null && entry.scoreReason.trim() === '')
    return gap('scoreReason', `${label}已选择评价档次，须填写评分理由`, 'gap.evaluation.score-reason');
  return [];
}

function refuseIncomplete(evaluation: Evaluation): void {
  const issues = [
    ...evaluation.projects.flatMap((project, p) => [
      ...(project.score.execution.missing
        ? [
            {
              path: ['projects', p, 'spent'],
              message: `项目 ${project.code}：尚无执行数（请在运行监控中录入支出）`,
              rule: 'required' as const,
              reason: 'gap.evaluation.spent-missing' as const,
              subject: { project: project.code },
            },
          ]
        : []),
      ...project.score.indicators.flatMap((_, k) => indicatorIssues(project, p, k)),
    ]),
    ...evaluation.missingAnalysis.map((m) => ({
      path: m.path,
      message: m.message,
      rule: 'required' as const,
      reason: m.reason,
      subject: m.subject,
    })),
  ];
  if (issues.length === 0) return;
  throw new AppError(
    'VALIDATION',
    `自评表尚不能提交：${issues[0]!.message}${issues.length > 1 ? `（共 ${issues.length} 处）` : ''}`,
    {
      location: { path: issues[0]!.path },
      issues,
      // The web words the summary in the UI's language (decision 043); the issues stay the server's sentences.
      details: { reason: 'evaluation.incomplete', count: issues.length },
    },
  );
}
