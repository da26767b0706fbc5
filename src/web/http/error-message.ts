import { PERMISSIONS, type Permission } from '../../domain/access.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { conflictText, isStaleWrite } from '../shared/conflict.ts';
import { ApiError } from './client.ts';
import { issueText, issuesSummaryText } from './issue-text.ts';
import { placeText, reasonText } from './reason-text.ts';

/** The one place an API error code becomes words for people. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  // A refusal with a stable reason, or issues with their facts, worded in the UI's language (decision 043).
  const reason = reasonText(error, t);
  if (reason !== null) return withFirstGap(reason, error, t);
  const worded = error.code === 'VALIDATION' ? issuesSummaryText(error.issues, t) : null;
  if (worded !== null) return worded;
  switch (error.code) {
    case 'CONFLICT':
      // A stale write is worded once, with who and when (ConflictNotice); any other 409 is the server's word.
      return isStaleWrite(error) ? conflictText(error, t, 'retry') : error.message || t('error.conflict');
    case 'PRECONDITION_REQUIRED':
      return t('error.precondition');
    case 'NETWORK':
      return t('error.network');
    case 'BAD_RESPONSE':
      return t('error.badResponse');
    case 'FORBIDDEN':
      return forbiddenText(error, t);
    case 'LOCKED':
      // A closed fiscal year (decision 038) is worded in the UI's language; other locks are the server's sentence.
      return typeof error.details?.['closedYear'] === 'number'
        ? t('years.closedReason', { year: error.details['closedYear'] })
        : error.message;
    case 'BAD_INPUT':
      return badInputText(error, t);
    case 'NOT_FOUND':
    case 'VALIDATION':
      return error.message || t(error.code === 'NOT_FOUND' ? 'error.notFound' : 'error.validation');
    default:
      return error.status >= 500 ? t('error.server', { status: error.status }) : error.message;
  }
}

/**
 * A file that cannot be read, without a known kind: in English the place (file, line) in words, then the
 * server's detail about the document as it is; in Chinese the server's sentence.
 */
function badInputText(error: ApiError, t: Translate): string {
  const file = error.location?.['file'];
  if (t.locale !== 'en' || typeof file !== 'string') return error.message || t('error.validation');
  const detail = error.message.startsWith(`${file}：`) ? error.message.slice(file.length + 1) : error.message;
  return t('error.badInput.at', { where: placeText({ file, line: error.location?.['line'] }, t), detail });
}

/** "The monitoring of month 6 is incomplete (2 places): Project P-1: …" — the first gap, as the Chinese names it. */
function withFirstGap(summary: string, error: ApiError, t: Translate): string {
  const first = error.issues[0];
  if (first?.facts?.reason === undefined) return summary;
  return t('issue.withFirst', { summary, first: issueText(first, t) });
}

/**
 * The route guard's refusal names the permission in `details.permission`: worded here in the UI's
 * language; any other refusal (a workflow step, a CSRF token) is the server's own sentence.
 */
function forbiddenText(error: ApiError, t: Translate): string {
  const permission = error.details?.['permission'];
  if (!isPermission(permission)) return error.message;
  return t('error.forbidden', { action: t(`permission.${permission}`) });
}

function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
