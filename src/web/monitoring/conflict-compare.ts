import type { ProjectMonitoringView, UnitMonitoringView } from '../../contract/monitoring.ts';
import { formatCents, parseAmountToCents } from '../../domain/money.ts';
import type { Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { ConflictCompare } from '../shared/ConflictNotice.tsx';
import type { EntryKind } from './EntryForms.tsx';

/** What an entry dialog holds (antd's values; the date already as YYYY-MM-DD). */
export interface EntryValues {
  projectCode?: string;
  month?: number;
  indicatorName?: string;
  [field: string]: unknown;
}

/** Each dialog's compared fields, named by the dialog's own labels. */
const FIELDS: Record<EntryKind, Record<string, MessageKey>> = {
  spending: { fiscal: 'monitoring.fiscal', other: 'monitoring.other' },
  entry: {
    forecastFullYear: 'monitoring.forecastEntered',
    releasedToDate: 'monitoring.released',
    carryOver: 'monitoring.carryOver',
  },
  progress: {
    valueToDate: 'monitoring.valueToDate',
    forecast: 'monitoring.fullYear',
    likelihood: 'monitoring.likelihood',
    deviationCategories: 'monitoring.deviation',
    reason: 'monitoring.reasonText',
    measures: 'monitoring.measures',
  },
  budget: {
    adjustedBudget: 'monitoring.adjustedBudget',
    reason: 'monitoring.adjustReason',
    effectiveDate: 'monitoring.effectiveDate',
  },
};

const AMOUNTS = new Set(['fiscal', 'other', 'forecastFullYear', 'releasedToDate', 'carryOver', 'adjustedBudget']);

/**
 * 查看差异 of a stale monitoring entry: the dialog's values against what the monitoring page reads now for the
 * same project (and month, and indicator), field by field, named by the dialog's labels. Amounts compare as
 * amounts ("100" equals "100.00").
 */
export function entryCompare(
  kind: EntryKind,
  values: () => EntryValues,
  fetchStored: () => Promise<UnitMonitoringView>,
  t: Translate,
): ConflictCompare {
  const fields = FIELDS[kind];
  const pick = (source: Record<string, unknown>) =>
    Object.fromEntries(Object.keys(fields).map((field) => [field, shown(field, source[field])]));
  return {
    mine: () => pick(values()),
    stored: async () => {
      const chosen = values();
      const project = (await fetchStored()).projects.find((p) => p.code === chosen.projectCode);
      return pick(storedValues(kind, project, chosen));
    },
    root: (path) => {
      const key = fields[String(path[0])];
      return key ? t(key) : path.join('.');
    },
  };
}

/** What is stored for the dialog's choice: the month's spending, the checkpoint's entry or progress, the budget. */
function storedValues(
  kind: EntryKind,
  project: ProjectMonitoringView | undefined,
  chosen: EntryValues,
): Record<string, unknown> {
  if (!project) return {};
  if (kind === 'spending') return { ...project.months.find((m) => m.month === chosen.month) };
  if (kind === 'entry') return { ...project.entries.find((e) => e.month === chosen.month) };
  if (kind === 'budget') {
    const last = project.adjustments.at(-1);
    return { adjustedBudget: project.adjustedBudget, reason: last?.reason, effectiveDate: last?.effectiveDate };
  }
  const indicator = project.indicators.find((i) => i.name === chosen.indicatorName);
  const progress = indicator?.progress.find((p) => p.month === chosen.month);
  if (!progress) return {};
  const categories = progress.deviationCategories ?? (progress.deviationCategory ? [progress.deviationCategory] : []);
  return { ...progress, deviationCategories: categories };
}

function shown(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('、');
  const text = String(value).trim();
  if (!AMOUNTS.has(field)) return text;
  const cents = parseAmountToCents(text);
  return cents === null ? text : formatCents(cents);
}
