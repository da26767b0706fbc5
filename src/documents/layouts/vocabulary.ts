import {
  EXECUTION_LABELS,
  EXECUTION_ROW_LABELS,
  type ExecutionField,
  type ExecutionRow,
  HEADER_LABELS,
  type HeaderField,
  INDICATOR_LABELS,
  type IndicatorField,
  SECTION_LABELS,
  type Synonyms,
  labelKey,
  monthLabel,
} from './labels.ts';
import type { Column } from './layout.ts';
import { LAYOUTS } from './registry.ts';

/**
 * The label lookup the recogniser uses: the shared vocabulary (labels.ts) and every layout's own spellings,
 * keyed by labelKey. Built once.
 */
function index<F extends string>(base: Synonyms<F>, columns: (readonly Column<F>[])[]): Map<string, F> {
  const map = new Map<string, F>();
  for (const [field, labels] of Object.entries(base) as [F, readonly string[]][]) {
    for (const label of labels) if (!map.has(labelKey(label))) map.set(labelKey(label), field);
  }
  for (const column of columns.flat()) {
    for (const label of [column.label, ...(column.synonyms ?? [])]) {
      if (!map.has(labelKey(label))) map.set(labelKey(label), column.field);
    }
  }
  return map;
}

const HEADER = index<HeaderField>(HEADER_LABELS, [
  ...LAYOUTS.flatMap((layout) => layout.header),
  ...LAYOUTS.map((layout) => layout.projectColumns ?? []),
  ...LAYOUTS.map((layout) => layout.footer ?? []),
]);
const INDICATOR = index<IndicatorField>(
  INDICATOR_LABELS,
  LAYOUTS.map((layout) => layout.indicators.columns),
);
const EXECUTION = index<ExecutionField>(
  EXECUTION_LABELS,
  LAYOUTS.map((layout) => layout.execution?.columns ?? []),
);
const EXECUTION_ROWS = index<ExecutionRow>(EXECUTION_ROW_LABELS, [
  LAYOUTS.flatMap((layout) => (layout.execution?.rows ?? []).map(({ row, label }) => ({ field: row, label }))),
]);
const SECTIONS = new Set([...SECTION_LABELS, ...LAYOUTS.flatMap((l) => l.indicators.sideLabel ?? [])].map(labelKey));

/** The key of a label, and the key without a trailing qualifier ("中期目标（2024-2026年）" → "中期目标"). */
export function keysOf(text: string): string[] {
  let keys = KEYS.get(text);
  if (keys) return keys;
  const key = labelKey(text);
  const bare = labelKey(text.normalize('NFKC').replace(/\s*[(][^()]*[)]\s*$/, ''));
  keys = bare !== key && bare !== '' ? [key, bare] : [key];
  // Every cell is asked about several times (label? which field?): normalised once. Bounded: cleared when large.
  if (KEYS.size > 20_000) KEYS.clear();
  KEYS.set(text, keys);
  return keys;
}

const KEYS = new Map<string, string[]>();

function lookup<F>(map: Map<string, F>, text: string): F | null {
  for (const key of keysOf(text)) {
    const field = map.get(key);
    if (field !== undefined) return field;
  }
  return null;
}

export const headerField = (text: string): HeaderField | null => lookup(HEADER, text);
export const indicatorField = (text: string): IndicatorField | null => {
  const month = monthLabel(labelKey(text));
  if (month?.what === 'progress') return 'progress';
  return lookup(INDICATOR, text);
};
export const executionField = (text: string): ExecutionField | null => {
  const month = monthLabel(labelKey(text));
  if (month) return month.what === 'progress' ? null : month.what;
  return lookup(EXECUTION, text);
};
export const executionRow = (text: string): ExecutionRow | null => lookup(EXECUTION_ROWS, text);

/** True for any text the vocabulary knows as a label (so it is never taken for a value). */
export function isLabel(text: string): boolean {
  if (text.trim() === '') return false;
  return (
    headerField(text) !== null ||
    indicatorField(text) !== null ||
    executionField(text) !== null ||
    executionRow(text) !== null ||
    keysOf(text).some((key) => SECTIONS.has(key))
  );
}
