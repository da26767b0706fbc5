import type { Evaluation, SaveEvaluationBody } from '../../contract/evaluation.ts';

/** The editable part of a 自评表, as the page keeps it between saves. */
export interface IndicatorDraft {
  name: string;
  actual: string;
  notApplicable: boolean;
  deviationReason: string;
  improvementMeasures: string;
  weight: number | null;
}

export interface ProjectDraft {
  code: string;
  executionReason: string;
  indicators: IndicatorDraft[];
}

export function draftFrom(evaluation: Evaluation): ProjectDraft[] {
  return evaluation.projects.map((project) => ({
    code: project.code,
    executionReason: project.executionReason,
    indicators: project.indicators.map((i) => ({
      name: i.name,
      actual: i.actual ?? '',
      notApplicable: i.notApplicable,
      deviationReason: i.deviationReason,
      improvementMeasures: i.improvementMeasures,
      weight: i.weight,
    })),
  }));
}

/** The PUT body: empty text is sent as absent, so the server reports it as missing data. */
export function bodyFrom(drafts: ProjectDraft[], finalise: boolean): SaveEvaluationBody {
  return {
    finalise,
    projects: drafts.map((p) => ({
      code: p.code,
      executionReason: p.executionReason,
      indicators: p.indicators.map((i) => ({
        name: i.name,
        actual: i.actual.trim() === '' ? null : i.actual.trim(),
        notApplicable: i.notApplicable,
        deviationReason: i.deviationReason,
        improvementMeasures: i.improvementMeasures,
        ...(i.weight === null ? {} : { weight: i.weight }),
      })),
    })),
  };
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

export function updateExecutionReason(drafts: ProjectDraft[], code: string, executionReason: string): ProjectDraft[] {
  return drafts.map((p) => (p.code === code ? { ...p, executionReason } : p));
}
