import { type LabelLanguage, fieldLabel } from '../../contract/field-labels.ts';

/** One field whose value in the user's unsaved form differs from what is stored now. */
export interface FieldDifference {
  path: (string | number)[];
  /** The field in words: 第 2 个指标的“指标值”. */
  label: string;
  mine: string;
  stored: string;
}

type Leaves = Map<string, { path: (string | number)[]; text: string }>;

/** A page's own words for a field path (the 自评表's "项目 · 指标 · 实际完成值"); fieldLabel otherwise. */
export type FieldNamer = (path: (string | number)[]) => string;

/**
 * The user's unsaved values against the stored ones, field by field (查看差异 of a stale save): both
 * records are flattened to their leaves; a value written as `{ raw: '≥90%', … }` (a parsed target)
 * counts as its raw text. Only the parts of the record the form holds are compared, so fields the
 * form never shows do not appear as changes. `root` names the kind of record (a project: 'projects'), or is
 * the page's own namer for the paths. `language` is the UI's, so the English page names fields in English.
 */
export function fieldDifferences(
  mine: unknown,
  stored: unknown,
  root?: string | FieldNamer,
  language: LabelLanguage = 'zh',
): FieldDifference[] {
  const name: FieldNamer = typeof root === 'function' ? root : (path) => fieldLabel(path, root, language);
  const ours: Leaves = new Map();
  const theirs: Leaves = new Map();
  flatten(mine, [], ours);
  flatten(stored, [], theirs);
  const heads = new Set([...ours.values()].map((leaf) => String(leaf.path[0])));
  const keys = [...new Set([...ours.keys(), ...theirs.keys()])];
  const differences: FieldDifference[] = [];
  for (const key of keys) {
    const leaf = ours.get(key) ?? theirs.get(key)!;
    if (!heads.has(String(leaf.path[0]))) continue;
    const a = ours.get(key)?.text ?? '';
    const b = theirs.get(key)?.text ?? '';
    if (a !== b) differences.push({ path: leaf.path, label: name(leaf.path), mine: a, stored: b });
  }
  return differences;
}

function flatten(value: unknown, path: (string | number)[], into: Leaves): void {
  if (value === null || value === undefined || value === '') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, [...path, i], into));
    return;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['raw'] === 'string') {
      into.set(path.join('.'), { path, text: record['raw'] });
      return;
    }
    for (const [key, item] of Object.entries(record)) flatten(item, [...path, key], into);
    return;
  }
  into.set(path.join('.'), { path, text: String(value) });
}
