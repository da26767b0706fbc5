import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { hasStaleSummaries } from '../db/summaries.repo.ts';
import type { SummaryFilters, SummaryRow, SummaryScope } from '../db/summary-views.repo.ts';
import type { Actor } from '../domain/access.ts';
import { formatCents } from '../domain/money.ts';
import { type WarningLevel, levelRank } from '../domain/monitoring/policy.ts';
import { PERMISSION_TABLE } from '../domain/permissions.ts';
import { refreshStaleSummaries } from './refresh-summaries.ts';

/** What the three bureau views share over the read model (docs/decisions/013-read-model.md). */

/** The visible-units rule (src/usecases/visible-units.ts) as a scope the SQL joins on. */
export function summaryScopeOf(actor: Actor): SummaryScope {
  const scope = PERMISSION_TABLE[actor.role]['targets:read'];
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'none' || actor.orgCode === '') return { kind: 'none' };
  if (actor.role === 'unit') return { kind: 'unit', unitCode: actor.orgCode };
  return { kind: 'tree', orgCode: actor.orgCode };
}

/**
 * A read first brings a few stale rows up to date (bounded: at most CATCH_UP unit-years, rows
 * another process holds are skipped), so a small installation never shows stale figures and a
 * big one never pays more than a fixed amount per request; the sweeper does the rest.
 */
const CATCH_UP = 20;
export async function catchUpSummaries(db: Db, today?: string): Promise<void> {
  if (!(await hasStaleSummaries(db.kysely))) return;
  await refreshStaleSummaries(db, {
    limit: CATCH_UP,
    includeOutdated: false,
    discover: false,
    countRemaining: false,
    today,
  });
}

export function filtersOf(query: {
  department?: string | undefined;
  search?: string | undefined;
  warningLevel?: WarningLevel | undefined;
}): SummaryFilters {
  return {
    department: query.department,
    search: query.search,
    minWarningRank: query.warningLevel === undefined ? undefined : levelRank(query.warningLevel),
  };
}

/** A sort's ORDER BY for each direction: fixed SQL chosen by the use-case, never request text. */
export interface SortSql {
  asc: string;
  desc: string;
}
export function orderBy(sort: SortSql, order: 'asc' | 'desc'): RawBuilder<unknown> {
  return sql.raw(sort[order]);
}

export function warningCountsOf(row: SummaryRow): Record<WarningLevel, number> {
  return {
    提示: Number(row.warnings_notice ?? 0),
    警示: Number(row.warnings_alert ?? 0),
    重点监控: Number(row.warnings_focus ?? 0),
  };
}

export const isStale = (row: SummaryRow): boolean => row.stale === true || row.computed_at === null;

export function amountOf(cents: unknown): string {
  return typeof cents === 'string' ? formatCents(BigInt(cents)) : '0.00';
}

export function timeOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
