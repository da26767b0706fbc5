import { z } from 'zod';
import { AppError } from '../domain/errors.ts';

/** Versions travel as strong ETags: "3". A record not stored yet has version 0 (a 自评表, a project's monitoring). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The header every versioned write declares (documented in the OpenAPI; required by expectedVersionFrom). */
export const IfMatchHeadersSchema = z.object({ 'if-match': z.string().optional() });

/**
 * Reads the version a write expects to replace from If-Match; a write without it is refused (428),
 * so no client can overwrite what it never read (decision 023). `what` names the record to read first.
 */
export function expectedVersionFrom(ifMatch: string | undefined, what = '项目'): number {
  if (!ifMatch) {
    throw new AppError('PRECONDITION_REQUIRED', `修改需要携带 If-Match 版本号（先读取${what}以获得 ETag）`, {
      location: { field: 'If-Match' },
    });
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) {
    throw new AppError('VALIDATION', `If-Match 版本号格式不正确：${ifMatch}`, { location: { field: 'If-Match' } });
  }
  return Number(match[1]);
}
