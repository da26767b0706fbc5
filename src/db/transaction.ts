import type { IsolationLevel } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { Db } from './database.ts';
import type { Executor } from './schema.ts';

/**
 * Runs `work` in one transaction and turns the database's own refusals into AppErrors: the
 * schema's constraints are the last line behind zod, and a value they refuse (a NUL byte in
 * text, a duplicate key that slipped past a check) is bad input, not a server fault.
 */
export async function inTransaction<T>(
  db: Db,
  work: (trx: Executor) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  const builder = isolation ? db.kysely.transaction().setIsolationLevel(isolation) : db.kysely.transaction();
  try {
    return await builder.execute(work);
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

function translateDatabaseError(error: unknown): unknown {
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState !== 'string' || !/^[0-9A-Z]{5}$/.test(sqlState)) return error;
  const detail = (error as Error).message;
  // Raised by the closed-year trigger (migration 0021, decision 038); its message is the sentence to show.
  if (sqlState === 'JX423') {
    const closedYear = Number(/^\d{4}/.exec(detail)?.[0]);
    return new AppError('LOCKED', detail, { location: { field: 'fiscalYear' }, details: { closedYear } });
  }
  // Class 22: data exception (bad encoding, out-of-range number…); class 23: integrity violation.
  if (sqlState === '23505') return new AppError('CONFLICT', `与已有数据重复：${detail}`);
  if (sqlState.startsWith('22') || sqlState.startsWith('23')) {
    return new AppError('VALIDATION', `数据库拒绝了该值：${detail}`);
  }
  return error;
}
