/** One changed field of an audit entry, its values shown as short text. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/**
 * The fields that differ between an entry's before and after, one level deep (a versioned project
 * `{ project, version }` is compared on the project's own fields). Values are shown as JSON text,
 * cut to `limit` characters.
 */
export function changedFields(before: unknown, after: unknown, limit = 200): FieldChange[] {
  const a = unwrap(before);
  const b = unwrap(after);
  if (!isRecord(a) || !isRecord(b)) {
    return same(a, b) ? [] : [{ field: '—', before: show(a, limit), after: show(b, limit) }];
  }
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((f) => !same(a[f], b[f]))
    .map((field) => ({ field, before: show(a[field], limit), after: show(b[field], limit) }));
}

function unwrap(value: unknown): unknown {
  return isRecord(value) && isRecord(value['project']) ? value['project'] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown, limit: number): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
