import { AppError } from '../domain/errors.ts';

/** Versions travel as strong ETags: "3". */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads the version a write expects to replace from If-Match; a write without it is refused. */
export function expectedVersionFrom(ifMatch: string | undefined): number {
  if (!ifMatch) {
    throw new AppError('PRECONDITION_REQUIRED', '修改需要携带 If-Match 版本号（先读取项目以获得 ETag）', {
      location: { field: 'If-Match' },
    });
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
  if (!match) {
    throw new AppError('VALIDATION', `If-Match 版本号格式不正确：${ifMatch}`, { location: { field: 'If-Match' } });
  }
  return Number(match[1]);
}
