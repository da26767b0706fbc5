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
    case 'NOT_FOUND':
    case 'VALIDATION':
    case 'BAD_INPUT':
      return error.message || t(error.code === 'NOT_FOUND' ? 'error.notFound' : 'error.validation');
    default:
      return error.status >= 500 ? t('error.server', { status: error.status }) : error.message;
  }
}
