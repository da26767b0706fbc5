import { AppError, type ErrorLocation } from './errors.ts';

/**
 * The NOT_FOUND of every lookup, in the same words wherever it is raised. Beside the Chinese sentence it
 * carries `reason: 'not-found'`, the kind of thing and its code (decision 043), so the web words it in
 * the UI's language.
 */
export type NotFoundKind =
  'targets' | 'project' | 'user' | 'organisation' | 'bureau' | 'notification' | 'evidence' | 'job' | 'version';

export function notFound(
  kind: NotFoundKind,
  code: string | number,
  message: string,
  facts: { location?: ErrorLocation; unitCode?: string; fiscalYear?: number } = {},
): AppError {
  const { location, ...rest } = facts;
  return new AppError('NOT_FOUND', message, {
    ...(location ? { location } : {}),
    details: { reason: 'not-found', kind, code: String(code), ...rest },
  });
}

export function targetsNotFound(key: { unitCode: string; fiscalYear: number }): AppError {
  return notFound('targets', key.unitCode, `单位 ${key.unitCode} 没有 ${key.fiscalYear} 年度的绩效目标`, {
    fiscalYear: key.fiscalYear,
  });
}

export function projectNotFound(key: { unitCode: string; fiscalYear: number; projectCode: string }): AppError {
  return notFound(
    'project',
    key.projectCode,
    `单位 ${key.unitCode} ${key.fiscalYear} 年度没有编码为 ${key.projectCode} 的项目`,
    { unitCode: key.unitCode, fiscalYear: key.fiscalYear },
  );
}
