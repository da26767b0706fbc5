import { sql } from 'kysely';
import type { FiscalYear, FiscalYearDeadlines } from '../contract/fiscal-years.ts';
import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';
import { AppError } from '../domain/errors.ts';
import type { UnitScope } from '../domain/unit-scope.ts';
import { chainFrom } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';
import { findFiscalYears } from './units.repo.ts';

/**
 * Fiscal years (decision 038) belong to a bureau: the bureau opens a year for its whole organisation
 * tree, as it sets policies for it. A unit's or department's year is its bureau's (the topmost bureau
 * above it). A year without a row is open and has no deadlines.
 */

const NO_DEADLINES: FiscalYearDeadlines = { targets: null, monitoring: null, evaluation: null };

/** The year as it is when nobody opened it: open, no deadlines. */
function unopenedYear(year: number, orgCode: string | null): FiscalYear {
  return {
    year,
    orgCode,
    status: 'open',
    deadlines: { ...NO_DEADLINES },
    openedAt: null,
    openedBy: null,
    closedAt: null,
    closedBy: null,
    reopenReason: null,
  };
}

/** The bureau governing `code` (a unit, department or bureau code), or null when none is above it. */
export async function bureauOf(db: Executor, code: string): Promise<{ id: number; code: string } | null> {
  const start = sql`
    select id, code, name, kind, parent_id from organisations where code = ${code}
    union all
    select o.id, o.code, o.name, o.kind, o.parent_id
      from units u join organisations o on o.id = u.parent_id
     where u.code = ${code} and not exists (select 1 from organisations where code = ${code})`;
  const result = await sql<{ id: number; code: string }>`
    select c.id, c.code from ${chainFrom(start)} c where c.kind = 'bureau' order by c.depth desc limit 1`.execute(db);
  return result.rows[0] ?? null;
}

function selectYears(db: Executor) {
  return db
    .selectFrom('fiscal_years as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select((eb) => [
      'f.year',
      'o.code as orgCode',
      'f.status',
      sql<string | null>`to_char(f.deadline_targets, 'YYYY-MM-DD')`.as('targets'),
      sql<string | null>`to_char(f.deadline_monitoring, 'YYYY-MM-DD')`.as('monitoring'),
      sql<string | null>`to_char(f.deadline_evaluation, 'YYYY-MM-DD')`.as('evaluation'),
      eb.ref('f.opened_at').as('openedAt'),
      'f.opened_by as openedBy',
      eb.ref('f.closed_at').as('closedAt'),
      'f.closed_by as closedBy',
      'f.reopen_reason as reopenReason',
    ]);
}

type YearRow = Awaited<ReturnType<ReturnType<typeof selectYears>['executeTakeFirstOrThrow']>>;

function presentYear(row: YearRow): FiscalYear {
  return {
    year: row.year,
    orgCode: row.orgCode,
    status: row.status,
    deadlines: { targets: row.targets, monitoring: row.monitoring, evaluation: row.evaluation },
    openedAt: new Date(row.openedAt).toISOString(),
    openedBy: row.openedBy,
    closedAt: row.closedAt === null ? null : new Date(row.closedAt).toISOString(),
    closedBy: row.closedBy,
    reopenReason: row.reopenReason,
  };
}

/**
 * The fiscal year `year` as it applies to `code` (a unit, department or bureau code): its bureau's
 * stored row, or an open year without deadlines. The workbench reads the deadlines from here.
 */
export async function readFiscalYear(db: Executor, code: string, year: number): Promise<FiscalYear> {
  const bureau = await bureauOf(db, code);
  if (bureau === null) return unopenedYear(year, null);
  const row = await selectYears(db)
    .where('f.organisation_id', '=', bureau.id)
    .where('f.year', '=', year)
    .executeTakeFirst();
  return row ? presentYear(row) : unopenedYear(year, bureau.code);
}

/**
 * The years an actor works with, newest first: the rows of `bureau` ('all': every bureau's, for the
 * administrator; null: none) and, as unopened years, the years the units in `scope` have targets for.
 */
export async function listFiscalYears(
  db: Executor,
  bureau: string | 'all' | null,
  scope: UnitScope,
): Promise<FiscalYear[]> {
  const rows =
    bureau === null
      ? []
      : (
          await (bureau === 'all' ? selectYears(db) : selectYears(db).where('o.code', '=', bureau))
            .orderBy('f.year', 'desc')
            .orderBy('o.code')
            .execute()
        ).map(presentYear);
  const stored = new Set(rows.map((row) => row.year));
  const withData = (await findFiscalYears(db, scope)).filter((year) => !stored.has(year));
  const orgCode = bureau === 'all' ? null : bureau;
  return [...rows, ...withData.map((year) => unopenedYear(year, orgCode))].sort((a, b) => b.year - a.year);
}

/** Stores a newly opened year; false when the bureau already has a row for it. */
export async function insertFiscalYear(
  db: Executor,
  input: { organisationId: number; year: number; deadlines: FiscalYearDeadlines; by: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('fiscal_years')
    .values({
      organisation_id: input.organisationId,
      year: input.year,
      status: 'open',
      deadline_targets: input.deadlines.targets,
      deadline_monitoring: input.deadlines.monitoring,
      deadline_evaluation: input.deadlines.evaluation,
      opened_by: input.by,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doNothing())
    .returning('year')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Sets a year's status (and who closed it / why it was reopened); false when no row exists. */
export async function setFiscalYearStatus(
  db: Executor,
  input: { organisationId: number; year: number; status: 'open' | 'closed'; by: string; reason?: string },
): Promise<boolean> {
  const closing = input.status === 'closed';
  const result = await db
    .updateTable('fiscal_years')
    .set({
      status: input.status,
      closed_by: closing ? input.by : null,
      closed_at: closing ? new Date() : null,
      ...(closing ? {} : { reopen_reason: input.reason ?? null }),
    })
    .where('organisation_id', '=', input.organisationId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Replaces a year's deadlines; false when no row exists. */
export async function setFiscalYearDeadlines(
  db: Executor,
  input: { organisationId: number; year: number; deadlines: FiscalYearDeadlines },
): Promise<boolean> {
  const result = await db
    .updateTable('fiscal_years')
    .set({
      deadline_targets: input.deadlines.targets,
      deadline_monitoring: input.deadlines.monitoring,
      deadline_evaluation: input.deadlines.evaluation,
    })
    .where('organisation_id', '=', input.organisationId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The bureau whose years `actor` manages: a bureau user's own; the administrator names one (`requested`),
 * or, in an install with one bureau, means that one. FORBIDDEN for another bureau, NOT_FOUND for no bureau.
 */
export async function managedBureau(
  db: Executor,
  actor: Actor,
  requested: string | undefined,
): Promise<{ id: number; code: string }> {
  if (actor.role !== 'admin' && requested !== undefined && requested !== actor.orgCode) {
    throw new AppError('FORBIDDEN', `只能管理本财政局的年度，不能管理“${requested}”的年度`, {
      location: { field: 'orgCode' },
      details: { reason: 'years.not-your-bureau', code: requested },
    });
  }
  const code = actor.role === 'admin' ? requested : actor.orgCode;
  if (code !== undefined && code !== '') {
    const bureau = await db
      .selectFrom('organisations')
      .select(['id', 'code'])
      .where('code', '=', code)
      .where('kind', '=', 'bureau')
      .executeTakeFirst();
    if (bureau) return bureau;
    throw notFound('bureau', code, `找不到财政局“${code}”`, { location: { field: 'orgCode' } });
  }
  const bureaus = await db
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('kind', '=', 'bureau')
    .limit(2)
    .execute();
  if (bureaus.length === 1) return bureaus[0]!;
  throw new AppError('VALIDATION', bureaus.length === 0 ? '尚未建立财政局' : '请指定财政局（orgCode）', {
    location: { field: 'orgCode' },
  });
}
