import { type Kysely, sql } from 'kysely';

/**
 * 绩效运行监控 (decision 011). Rows are keyed by unit, fiscal year and project CODE, not by
 * projects.id: a re-import of the targets replaces the project rows, and the year's actuals must
 * survive it. Spending is stored per month and funding source (本月支出); cumulative figures are
 * sums. Warnings are computed on read: only their follow-up is stored, keyed by the warning id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const unitYear = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull().check(sql`fiscal_year between 1990 and 2100`));

  await unitYear('monitoring_spending')
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull().check(sql`month between 1 and 12`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('fiscal', 'other')`))
    .addColumn('amount', 'numeric(18, 2)', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('monitoring_spending_pkey', ['unit_id', 'fiscal_year', 'project_code', 'month', 'source'])
    .execute();

  await unitYear('monitoring_budget_adjustments')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('adjusted_budget', 'numeric(18, 2)', (c) => c.notNull().check(sql`adjusted_budget >= 0`))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('effective_date', 'date', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('monitoring_budget_adjustments_project_idx')
    .on('monitoring_budget_adjustments')
    .columns(['unit_id', 'fiscal_year', 'project_code'])
    .execute();

  await unitYear('monitoring_indicator_progress')
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('indicator_name', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull().check(sql`month between 1 and 12`))
    .addColumn('value_to_date', 'text', (c) => c.notNull())
    .addColumn('forecast', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'text', (c) => c.notNull().check(sql`likelihood in ('确定能', '有可能', '不可能')`))
    .addColumn('deviation_category', 'text', (c) =>
      c.check(sql`deviation_category in ('经费保障', '制度保障', '人员保障', '硬件条件保障', '其他')`),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('monitoring_indicator_progress_pkey', [
      'unit_id',
      'fiscal_year',
      'project_code',
      'indicator_name',
      'month',
    ])
    // The guide's rule, as the last line behind the use-case's check.
    .addCheckConstraint(
      'monitoring_indicator_progress_deviation_check',
      sql`likelihood = '确定能' or (deviation_category is not null and length(trim(measures)) > 0)`,
    )
    .execute();

  await unitYear('monitoring_warning_follow_ups')
    .addColumn('warning_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'action-recorded', 'closed')`))
    .addColumn('action', 'text')
    .addColumn('action_by', 'text')
    .addColumn('action_at', 'timestamptz')
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addPrimaryKeyConstraint('monitoring_warning_follow_ups_pkey', ['unit_id', 'fiscal_year', 'warning_id'])
    .execute();
}
