import { ConflictDetailsSchema, type ConflictDetails } from '../../contract/api.ts';
import { ApiError } from '../http/client.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { formatTime } from '../workflow/format-time.ts';

/**
 * A stale write: someone saved the record after this page read it. The server's 409 says so with
 * `details` (who, when, the version now; decision 023), or, from a server without them, with the
 * version field it refused in `location`. Other 409s (a duplicate code) are the server's own words.
 */
const VERSION_FIELDS = new Set(['version', 'If-Match', 'expectedStateVersion']);

export function isStaleWrite(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 409) return false;
  if (conflictDetails(error)) return true;
  const field = error.location?.['field'];
  return typeof field === 'string' && VERSION_FIELDS.has(field);
}

/** The details of a stale write's 409, or null when the server sent none (the message is then generic). */
export function conflictDetails(error: unknown): ConflictDetails | null {
  if (!(error instanceof ApiError) || error.details === undefined) return null;
  const parsed = ConflictDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}

/**
 * "此记录已被 张三 于 2026-12-07 10:32 修改。" followed by what it means here: `unsaved` beside a form
 * that still holds the user's edits, `retry` after an action (a delete, a step) that did not happen.
 */
export function conflictText(error: unknown, t: Translate, then: 'unsaved' | 'retry'): string {
  const details = conflictDetails(error);
  const who = details?.changedBy?.displayName;
  const what =
    who && details?.changedAt
      ? t('conflict.changedBy', { name: who, time: formatTime(details.changedAt) })
      : t('conflict.changed');
  return t('conflict.sentences', { what, then: t(then === 'unsaved' ? 'conflict.unsaved' : 'conflict.retry') });
}
