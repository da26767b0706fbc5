import type { Evaluation } from '../../contract/evaluation.ts';
import type { Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { ConflictCompare } from '../shared/ConflictNotice.tsx';
import { draftFrom, type CategoryKey, type IndicatorDraft, type ProjectDraft } from './draft.ts';

/**
 * 查看差异 of a stale 自评表 save: the page's unsaved drafts against the 自评表 as stored now, field by field,
 * named the way the page names them ("职工服务 · 服务人次 · 实际完成值") and valued as the page shows them
 * (a band in words, 不适用 as a tick). Identity fields (codes, indicator names) are not compared.
 */
export function evaluationCompare(
  drafts: () => ProjectDraft[],
  evaluation: Evaluation,
  fetchStored: () => Promise<Evaluation>,
  t: Translate,
): ConflictCompare {
  return {
    mine: () => drafts().map((draft) => draftView(draft, t)),
    stored: async () => draftFrom(await fetchStored()).map((draft) => draftView(draft, t)),
    root: (path) => evaluationFieldName(path, evaluation, t),
  };
}

const PROJECT_FIELDS: Record<string, MessageKey> = {
  executionReason: 'evaluation.executionReason',
  spentFiscal: 'evaluation.spentFiscal',
  spentOther: 'evaluation.spentOther',
};

const INDICATOR_FIELDS: Record<string, MessageKey> = {
  actual: 'evaluation.actual',
  notApplicable: 'evaluation.notApplicable',
  deviationReason: 'evaluation.reason',
  improvementMeasures: 'evaluation.measures',
  weight: 'evaluation.weight',
  band: 'evaluation.band',
  bandPercent: 'evaluation.bandPercent',
  scoreReason: 'evaluation.scoreReason',
};

/** A path of draftView (project index, then its field or indicators.k.field) in the page's words. */
function evaluationFieldName(path: (string | number)[], evaluation: Evaluation, t: Translate): string {
  const [p, field, k, indicatorField] = path;
  const project = typeof p === 'number' ? evaluation.projects[p] : undefined;
  const parts = [project?.name ?? String(p)];
  if (field === 'indicators' && typeof k === 'number') {
    parts.push(project?.indicators[k]?.name ?? String(k + 1));
    const key = INDICATOR_FIELDS[String(indicatorField)];
    parts.push(key ? t(key) : String(indicatorField));
  } else if (field === 'categoryPoints') {
    parts.push(`${t('evaluation.categoryPoints')}（${t(`evaluation.category.${String(k) as CategoryKey}`)}）`);
  } else {
    const key = PROJECT_FIELDS[String(field)];
    parts.push(key ? t(key) : String(field));
  }
  return parts.join(' · ');
}

/** One project's draft as the page shows it; empty values are absent (so '' and "not entered" compare equal). */
function draftView(draft: ProjectDraft, t: Translate) {
  return {
    executionReason: draft.executionReason,
    spentFiscal: draft.spentFiscal,
    spentOther: draft.spentOther,
    categoryPoints: draft.categoryPoints ?? {},
    indicators: draft.indicators.map((indicator) => indicatorView(indicator, t)),
  };
}

function indicatorView(indicator: IndicatorDraft, t: Translate) {
  return {
    actual: indicator.actual.trim(),
    notApplicable: indicator.notApplicable ? '✓' : '',
    deviationReason: indicator.deviationReason,
    improvementMeasures: indicator.improvementMeasures,
    weight: indicator.weight,
    band: indicator.band === null ? '' : t(`evaluation.band.${indicator.band}`),
    bandPercent: indicator.bandPercent,
    scoreReason: indicator.scoreReason,
  };
}
