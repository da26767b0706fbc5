import { AppError } from '../domain/errors.ts';
import type { Amount } from '../domain/money.ts';
import { targetsNotFound } from '../domain/not-found.ts';
import type { Evaluation } from '../contract/evaluation.ts';
import { readScoringPolicy } from '../contract/policies.ts';
import {
  type ProjectActuals,
  type ScoringPolicy,
  type UnitScoreResult,
  missingDeviationAnalysis,
  scoreProjects,
} from '../domain/scoring/index.ts';
import { yearEndMoney } from '../domain/scoring/year-end-money.ts';
import { type SpentSplit, ledgerSplit } from '../domain/evaluation/spent-split.ts';
import { type AttachmentInfo, listAttachments } from './evaluation-attachments.repo.ts';
import type { Project, Unit } from '../domain/targets.ts';
import { findDocument } from './documents.repo.ts';
import { type StoredEvaluation, type StoredIndicatorEvaluation, loadEvaluation } from './evaluation.repo.ts';
import { findUnitId, loadBudgetAdjustments, loadMonthlySpending } from './monitoring.repo.ts';
import { policyForUnit } from './policies.repo.ts';
import { loadProjects } from './projects.repo.ts';
import type { Executor } from './schema.ts';

/** Everything a 自评 read starts from: the targets, monitoring's money, the stored evaluation, the policy. */
export interface EvaluatedYear {
  unitId: number;
  unit: Unit;
  fiscalYear: number;
  projects: Project[];
  money: Map<string, { adjustedBudget: Amount | null; spent: Amount | null }>;
  stored: StoredEvaluation | null;
  policy: ScoringPolicy;
  /** 执行数 其中 财政拨款 / 其他资金 as the spending ledger splits it, per project (the 自评表 view only). */
  ledgerSplits?: Map<string, SpentSplit>;
  attachments?: AttachmentInfo[];
}

/** The unit-year's 自评 inputs (src/domain/scoring/year-end-money.ts for the money), or NOT_FOUND. */
export async function loadEvaluatedYear(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<EvaluatedYear> {
  const unitId = await findUnitId(db, key.unitCode);
  const document = unitId === undefined ? undefined : await findDocument(db, key.unitCode, key.fiscalYear);
  if (unitId === undefined || !document) throw targetsNotFound(key);
  const projects = (await loadProjects(db, document.id)).map((p) => p.project);
  const ref = { unitId, fiscalYear: key.fiscalYear };
  const adjustments = await loadBudgetAdjustments(db, ref);
  const spending = await loadMonthlySpending(db, ref);
  return {
    unitId,
    unit: document.unit,
    fiscalYear: key.fiscalYear,
    projects,
    money: yearEndMoney(projects, adjustments, spending),
    stored: await loadEvaluation(db, ref),
    policy: await scoringPolicyOf(db, key.unitCode),
    ledgerSplits: new Map(
      projects.map((p) => [p.code, ledgerSplit(spending.filter((s) => s.projectCode === p.code))] as const),
    ),
    attachments: await listAttachments(db, ref),
  };
}

async function scoringPolicyOf(db: Executor, unitCode: string): Promise<ScoringPolicy> {
  try {
    return readScoringPolicy(await policyForUnit(db, unitCode, 'scoring'));
  } catch {
    throw new AppError('VALIDATION', `单位 ${unitCode} 适用的评分规则（policy scoring）格式不正确，请财政局修正`);
  }
}

/**
 * The domain's view of one project's year-end figures: the money and what the unit stored for it,
 * with the bureau's 复核 re-scores in place of the unit's inputs unless `unitOnly` (decision 035).
 */
function actualsOf(year: EvaluatedYear, project: Project, unitOnly = false): ProjectActuals {
  const money = year.money.get(project.code) ?? { adjustedBudget: null, spent: null };
  const stored = year.stored?.projects.find((p) => p.code === project.code);
  const rechecks = unitOnly ? [] : (year.stored?.rechecks ?? []).filter((r) => r.project === project.code);
  return {
    ...money,
    executionReason: stored?.executionReason ?? null,
    categoryPoints: stored?.categoryPoints ?? null,
    indicators: (stored?.indicators ?? [])
      .filter((i) => project.indicators.some((t) => t.name === i.name))
      .map((i) => {
        const recheck = rechecks.find((r) => r.name === i.name);
        return indicatorActual({
          ...i,
          ...(recheck?.actual == null ? {} : { actual: recheck.actual }),
          ...(recheck?.band == null ? {} : { band: recheck.band, bandPercent: recheck.bandPercent }),
        });
      }),
  };
}

function indicatorActual(i: StoredIndicatorEvaluation): ProjectActuals['indicators'][number] {
  return {
    name: i.name,
    actual: i.actual,
    notApplicable: i.notApplicable,
    deviationReason: i.deviationReason,
    weight: i.weight === null ? null : Number(i.weight),
    band: i.band,
    bandPercent: i.bandPercent === null ? null : Number(i.bandPercent),
    scoreReason: i.scoreReason,
    percentConfirmed: i.percentConfirmed,
  };
}

/**
 * The year scored by its policy: every project with its actuals, the mean (what 自评 reads and the
 * summaries store); the bureau's re-scores count, unless `unitOnly` asks for the unit's own scoring.
 */
export function scoreEvaluatedYear(year: EvaluatedYear, unitOnly = false): UnitScoreResult {
  return scoreProjects(year.projects, (project) => actualsOf(year, project, unitOnly), year.policy);
}

/** The 自评表 as the API shows it: what was entered beside the targets, the scores, and what is still owed. */
export function presentEvaluation(year: EvaluatedYear): Evaluation {
  const scored = scoreEvaluatedYear(year);
  const rechecks = year.stored?.rechecks ?? [];
  const unitScored = rechecks.length > 0 ? scoreEvaluatedYear(year, true) : null;
  const projects = year.projects.map((project, p) => {
    const stored = year.stored?.projects.find((s) => s.code === project.code);
    const money = year.money.get(project.code);
    const entered = stored?.spentFiscal != null && stored.spentOther != null;
    const ledger = year.ledgerSplits?.get(project.code);
    const rechecked = rechecks.some((r) => r.project === project.code);
    return {
      code: project.code,
      name: project.name,
      initialBudget: project.budget.total,
      adjustedBudget: money?.adjustedBudget ?? null,
      spent: money?.spent ?? null,
      spentFiscal: entered ? stored.spentFiscal : (ledger?.fiscal ?? null),
      spentOther: entered ? stored.spentOther : (ledger?.other ?? null),
      spentSplit: entered ? ('entered' as const) : (ledger?.source ?? null),
      categoryPoints: stored?.categoryPoints ?? null,
      executionReason: stored?.executionReason ?? '',
      unitScore: rechecked && unitScored ? unitScored.projects[p]! : null,
      attachments: (year.attachments ?? [])
        .filter((a) => a.projectCode === project.code)
        .map(({ projectCode: _project, uploadedAt, ...a }) => ({ ...a, uploadedAt: uploadedAt.toISOString() })),
      indicators: project.indicators.map((indicator, k) => {
        const entry = stored?.indicators.find((i) => i.name === indicator.name);
        const recheck = rechecks.find((r) => r.project === project.code && r.name === indicator.name);
        return {
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          target: indicator.target.raw,
          actual: entry?.actual ?? null,
          notApplicable: entry?.notApplicable ?? false,
          deviationReason: entry?.deviationReason ?? '',
          improvementMeasures: entry?.improvementMeasures ?? '',
          weight: entry?.weight == null ? null : Number(entry.weight),
          band: entry?.band ?? null,
          bandPercent: entry?.bandPercent == null ? null : Number(entry.bandPercent),
          scoreReason: entry?.scoreReason ?? '',
          percentConfirmed: entry?.percentConfirmed ?? false,
          recheck: recheck
            ? {
                actual: recheck.actual,
                band: recheck.band,
                bandPercent: recheck.bandPercent === null ? null : Number(recheck.bandPercent),
                reason: recheck.reason,
                recordedBy: recheck.recordedBy,
                unitPoints: unitScored?.projects[p]?.indicators[k]?.points ?? null,
              }
            : null,
        };
      }),
      score: scored.projects[p]!,
    };
  });
  const missingAnalysis = year.projects.flatMap((project, p) =>
    missingDeviationAnalysis(scored.exact[p]!, actualsOf(year, project)).map((m) => ({
      ...m,
      path: ['projects', p, ...m.path],
    })),
  );
  return {
    unitCode: year.unit.code,
    unitName: year.unit.name,
    fiscalYear: year.fiscalYear,
    status: year.stored?.status ?? 'none',
    recheck: year.stored?.recheck ?? false,
    reviewComment: year.stored?.reviewComment ?? '',
    updatedBy: year.stored?.updatedBy ?? null,
    version: year.stored?.version ?? 0,
    meanScore: scored.meanScore,
    incomplete: scored.incomplete,
    projects,
    missingAnalysis,
  };
}
