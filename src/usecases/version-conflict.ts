import type { ConflictDetails } from '../contract/api.ts';
import { SYSTEM_ACTOR } from '../db/audit.repo.ts';
import { type LastChange, displayNameOf } from '../db/last-change.repo.ts';
import type { Executor } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';

/**
 * The CONFLICT of a stale write (decision 023): the message names who saved last and when, and
 * `details` carries the same for the client (ConflictDetailsSchema) with the version to reload.
 */
export async function versionConflict(
  db: Executor,
  what: string,
  change: LastChange & { currentVersion: number; expectedVersion: number },
): Promise<AppError> {
  const changedBy =
    change.username === null
      ? null
      : {
          username: change.username,
          displayName:
            (await displayNameOf(db, change.username)) ??
            (change.username === SYSTEM_ACTOR.username ? SYSTEM_ACTOR.displayName : change.username),
        };
  const details: ConflictDetails = {
    changedBy,
    changedAt: change.at === null ? null : new Date(change.at).toISOString(),
    currentVersion: change.currentVersion,
  };
  const who = changedBy ? `${changedBy.displayName}（${changedBy.username}）` : '他人';
  const when = details.changedAt ? `于 ${details.changedAt} ` : '';
  return new AppError(
    'CONFLICT',
    `${what}已被${who}${when}修改（当前版本 ${change.currentVersion}，提交所依据的版本 ${change.expectedVersion}），请重新读取后再改`,
    { location: { field: 'If-Match' }, details },
  );
}
