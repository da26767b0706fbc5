import { PERMISSIONS, type Permission } from '../../domain/access.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { conflictText, isStaleWrite } from '../shared/conflict.ts';
import { ApiError } from './client.ts';

/** The one place an API error code becomes words for people. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
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
    case 'NOT_FOUND':
    case 'VALIDATION':
    case 'BAD_INPUT':
      return error.message || t(error.code === 'NOT_FOUND' ? 'error.notFound' : 'error.validation');
    default:
      return error.status >= 500 ? t('error.server', { status: error.status }) : error.message;
  }
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
