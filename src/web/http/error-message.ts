import type { Translate } from '../i18n/i18n.tsx';
import { ApiError } from './client.ts';

/** The one place an API error code becomes words for people. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'CONFLICT':
      return error.message || t('error.conflict');
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

/** 409: for a PUT or DELETE with If-Match, someone else saved first (the caller words it: error.conflict). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
