import type { z } from 'zod';
import { type Evaluation, RescoreBodySchema } from '../contract/evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { finalRoleOfUnit } from '../db/approval-chain.repo.ts';
import type { Db } from '../db/database.ts';
import { type EvaluatedYear, loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import { changeEvaluationStatus, upsertRechecks } from '../db/evaluation-procedure.repo.ts';
import type { StoredRecheck } from '../db/evaluation.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { assertStep } from '../domain/evaluation/procedure.ts';
import { scoreChanges } from '../domain/evaluation/score-changes.ts';
import { AppError } from '../domain/errors.ts';
import { changedMeanwhile, refOf } from './change-evaluation-status.ts';

const RescoreInputSchema = UnitYearInputSchema.extend(RescoreBodySchema.shape);

/**
 * The bureau's 复核 re-score of a unit-year it selected: per indicator its own actual and/or band and
 * score, with a reason. The unit's values stay stored and shown; the audit records each changed score.
 */
export async function rescoreEvaluation(
  db: Db,
  actor: Actor,
  input: z.input<typeof RescoreInputSchema>,
): Promise<Evaluation> {
  const parsed = validateInput(RescoreInputSchema, input, '复核评分');
  return inTransaction(db, async (trx) => {
    const year = await loadEvaluatedYear(trx, parsed);
    const finalRole = await finalRoleOfUnit(trx, parsed.unitCode);
    assertStep('rescore', year.stored?.status ?? 'none', actor.role, year.stored?.recheck, finalRole);
    const rechecks = checkedRechecks(year, parsed.indicators, actor);
    const merged = mergeRechecks(year.stored?.rechecks ?? [], rechecks);
    const next: EvaluatedYear = { ...year, stored: { ...year.stored!, rechecks: merged } };
    const before = presentEvaluation(year);
    const after = scoredOrRefused(next);
    await upsertRechecks(trx, refOf(year), rechecks);
    const version = await changeEvaluationStatus(trx, refOf(year), {
      from: 'reviewed',
      status: 'reviewed',
      updatedBy: actor.username,
    });
    if (version === undefined) throw changedMeanwhile();
    await recordAudit(trx, actor, {
      action: 'rescore-evaluation',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'evaluation',
      entityKey: `${parsed.unitCode}/${parsed.fiscalYear}`,
      before: { rechecks: year.stored?.rechecks ?? [] },
      after: {
        rechecks,
        scoreChanges: scoreChanges(
          before.projects.map((p) => p.score),
          after.projects.map((p) => p.score),
        ),
      },
    });
    return { ...after, version };
  });
}

type RescoreItem = z.output<typeof RescoreBodySchema>['indicators'][number];

function checkedRechecks(year: EvaluatedYear, items: readonly RescoreItem[], actor: Actor): StoredRecheck[] {
  return items.map((item, k) => {
    // The reason key and the names let the English page word the refusal (decision 043).
    const refuse = (field: string, message: string, reason: string) =>
      new AppError('VALIDATION', message, {
        location: { path: ['indicators', k, field] },
        details: { reason, project: item.project, indicator: item.name },
      });
    const project = year.projects.find((p) => p.code === item.project);
    if (!project) throw refuse('project', `没有编码为 ${item.project} 的项目`, 'rescore.no-project');
    if (!project.indicators.some((i) => i.name === item.name)) {
      throw refuse('name', `项目 ${item.project} 没有指标“${item.name}”`, 'rescore.no-indicator');
    }
    if (item.reason.trim() === '') {
      throw refuse('reason', `复核改分须填写理由：项目 ${item.project} 指标“${item.name}”`, 'rescore.reason-required');
    }
    const actual = item.actual?.trim() || null;
    if (actual === null && item.band == null) {
      throw refuse('actual', `复核须给出新的实际完成值或评价档次：指标“${item.name}”`, 'rescore.change-required');
    }
    return {
      project: item.project,
      name: item.name,
      actual,
      band: item.band ?? null,
      bandPercent: item.bandPercent == null ? null : String(item.bandPercent),
      reason: item.reason.trim(),
      recordedBy: actor.username,
    };
  });
}

function mergeRechecks(old: readonly StoredRecheck[], added: readonly StoredRecheck[]): StoredRecheck[] {
  const key = (r: StoredRecheck) => `${r.project}\u0000${r.name}`;
  const byKey = new Map(old.map((r) => [key(r), r]));
  for (const r of added) byKey.set(key(r), r);
  return [...byKey.values()];
}

/** Scoring is the check of a re-score too: a band score outside the band, an unreadable actual. */
function scoredOrRefused(year: EvaluatedYear): Evaluation {
  try {
    return presentEvaluation(year);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError('VALIDATION', `复核评分：${error.message}`, { location: error.location });
  }
}
