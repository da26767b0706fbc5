import { AppError } from './errors.ts';

/** Who saved last (display name resolved), when, and the two versions of a stale write. */
export interface StaleWrite {
  changedBy: { username: string; displayName: string } | null;
  at: Date | null;
  currentVersion: number;
  expectedVersion: number;
}

/**
 * The CONFLICT of a stale write (decision 023): the message names who saved last and when, and
 * `details` carries the same for the client (src/contract/api.ts ConflictDetailsSchema) with the
 * version to reload.
 */
export function versionConflictError(what: string, write: StaleWrite): AppError {
  const { changedBy } = write;
  const changedAt = write.at === null ? null : new Date(write.at).toISOString();
  const details = { changedBy, changedAt, currentVersion: write.currentVersion };
  const who = changedBy ? `${changedBy.displayName}（${changedBy.username}）` : '他人';
  const when = changedAt ? `于 ${changedAt} ` : '';
  return new AppError(
    'CONFLICT',
    `${what}已被${who}${when}修改（当前版本 ${write.currentVersion}，提交所依据的版本 ${write.expectedVersion}），请重新读取后再改`,
    { location: { field: 'If-Match' }, details },
  );
}
