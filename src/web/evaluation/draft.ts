import type { Evaluation, SaveEvaluationBody } from '../../contract/evaluation.ts';
import { fractionOfPercentQuestion } from '../../domain/scoring/index.ts';

/** The evaluator's band for a judged indicator (10号: 达成 / 部分达成 / 未达成). */
export type Band = 'achieved' | 'partly' | 'notAchieved';
export const BANDS: readonly Band[] = ['achieved', 'partly', 'notAchieved'];

/** The editable part of a 自评表, as the page keeps it between saves. */
export interface IndicatorDraft {
  name: string;
  actual: string;
  notApplicable: boolean;
  deviationReason: string;
  improvementMeasures: string;
  weight: number | null;
  band: Band | null;
  /** The score inside the band, % of the weight; null = the band's suggested share (its top). */
  bandPercent: number | null;
  scoreReason: string;
  percentConfirmed: boolean;
}

export type CategoryKey = 'output' | 'benefit' | 'satisfaction' | 'cost';
export type CategoryPoints = Partial<Record<CategoryKey, number>>;

export interface ProjectDraft {
  code: string;
  executionReason: string;
  /** 其中 财政拨款 / 其他资金 as typed ('' = take the ledger's split). */
  spentFiscal: string;
  spentOther: string;
  categoryPoints: CategoryPoints | null;
  indicators: IndicatorDraft[];
}

export function draftFrom(evaluation: Evaluation): ProjectDraft[] {
  return evaluation.projects.map((project) => ({
    code: project.code,
    executionReason: project.executionReason,
    spentFiscal: project.spentSplit === 'entered' ? (project.spentFiscal ?? '') : '',
    spentOther: project.spentSplit === 'entered' ? (project.spentOther ?? '') : '',
    categoryPoints: project.categoryPoints,
    indicators: project.indicators.map((i) => ({
      name: i.name,
      actual: i.actual ?? '',
      notApplicable: i.notApplicable,
      deviationReason: i.deviationReason,
      improvementMeasures: i.improvementMeasures,
      weight: i.weight,
      band: i.band,
      bandPercent: i.bandPercent,
      scoreReason: i.scoreReason,
      percentConfirmed: i.percentConfirmed,
    })),
  }));
}

/** The PUT body: empty text is sent as absent, so the server reports it as missing data. */
export function bodyFrom(drafts: ProjectDraft[], submit: boolean): SaveEvaluationBody {
  return {
    ...(submit ? { submit } : {}),
    projects: drafts.map((p) => ({
      code: p.code,
      executionReason: p.executionReason,
      ...(p.spentFiscal.trim() === '' && p.spentOther.trim() === ''
        ? {}
        : { spentFiscal: p.spentFiscal.trim() || null, spentOther: p.spentOther.trim() || null }),
      ...(p.categoryPoints === null ? {} : { categoryPoints: p.categoryPoints }),
      indicators: p.indicators.map((i) => ({
        name: i.name,
        actual: i.actual.trim() === '' ? null : i.actual.trim(),
        notApplicable: i.notApplicable,
        deviationReason: i.deviationReason,
        improvementMeasures: i.improvementMeasures,
        ...(i.weight === null ? {} : { weight: i.weight }),
        ...(i.band === null ? {} : { band: i.band, bandPercent: i.bandPercent, scoreReason: i.scoreReason }),
        ...(i.percentConfirmed ? { percentConfirmed: true } : {}),
      })),
    })),
  };
}

/** A band picked in the form: its score starts at the band's suggested share (the server's, the band top). */
export function chooseBand(band: Band | null): Partial<IndicatorDraft> {
  return { band, bandPercent: null };
}

/**
 * The answer to "是否指 95%？" for an actual like 0.95 against a % target: yes rewrites the actual as
 * the percentage it meant; no keeps it and records that it really is 0.95 %.
 */
export function answerFraction(actual: string, meantPercent: boolean): Partial<IndicatorDraft> {
  if (!meantPercent) return { percentConfirmed: true };
  const percent = /是否指 (.+)？/.exec(fractionOfPercentQuestion(actual))?.[1] ?? actual;
  return { actual: percent, percentConfirmed: false };
}

/** The category points as typed: a blank field falls back to the policy's (the key is dropped). */
export function updateCategoryPoints(
  drafts: ProjectDraft[],
  code: string,
  key: CategoryKey,
  value: number | null,
): ProjectDraft[] {
  return drafts.map((p) => {
    if (p.code !== code) return p;
    const { [key]: _old, ...rest } = p.categoryPoints ?? {};
    const next: CategoryPoints = value === null ? rest : { ...rest, [key]: value };
    return { ...p, categoryPoints: Object.keys(next).length === 0 ? null : next };
  });
}

export function updateIndicator(
  drafts: ProjectDraft[],
  code: string,
  index: number,
  change: Partial<IndicatorDraft>,
): ProjectDraft[] {
  return drafts.map((p) =>
    p.code !== code ? p : { ...p, indicators: p.indicators.map((i, k) => (k === index ? { ...i, ...change } : i)) },
  );
}

export function updateProject(
  drafts: ProjectDraft[],
  code: string,
  change: Partial<Pick<ProjectDraft, 'executionReason' | 'spentFiscal' | 'spentOther'>>,
): ProjectDraft[] {
  return drafts.map((p) => (p.code === code ? { ...p, ...change } : p));
}
