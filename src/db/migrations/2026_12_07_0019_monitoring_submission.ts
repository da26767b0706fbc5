import { type Kysely, sql } from 'kysely';

/**
 * 绩效运行监控 per 财预〔2019〕136号 (decision 036):
 * - monitoring_project_entries: what the unit states per project at a checkpoint month — 全年预计执行数 (entered,
 *   no longer only computed), 拨付 to date and 结转结余. 执行 to date stays the sum of monthly spending.
 * - monitoring_indicator_progress.deviation_categories: 偏差原因 may have several categories; the old single
 *   column stays (first category) for the readers that predate the list, and old rows are copied over.
 * - monitoring_submissions: one per unit, year and checkpoint month, with the snapshot submitted; its existence
 *   locks that month's entries.
 * - monitoring_actions: the bureau's or department's 提示/警示, 纠偏, 暂缓/停止拨款 with a deadline, and the
 *   unit's 整改 status and reply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const unitYear = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
      .addColumn('fiscal_year', 'integer', (c) => c.notNull().check(sql`fiscal_year between 1990 and 2100`));

  await unitYear('monitoring_project_entries')
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull().check(sql`month between 1 and 12`))
    .addColumn('forecast_full_year', 'numeric(18, 2)', (c) => c.notNull().check(sql`forecast_full_year >= 0`))
    .addColumn('released_to_date', 'numeric(18, 2)', (c) => c.check(sql`released_to_date >= 0`))
    .addColumn('carry_over', 'numeric(18, 2)', (c) => c.check(sql`carry_over >= 0`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('monitoring_project_entries_pkey', ['unit_id', 'fiscal_year', 'project_code', 'month'])
    .execute();

  await sql`alter table monitoring_indicator_progress
    add column deviation_categories text[] not null default '{}'
      check (deviation_categories <@ array['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他']::text[])`.execute(
    db,
  );
  await sql`update monitoring_indicator_progress set deviation_categories = array[deviation_category]
    where deviation_category is not null`.execute(db);
  await sql`alter table monitoring_indicator_progress
    drop constraint monitoring_indicator_progress_deviation_check`.execute(db);
  await sql`alter table monitoring_indicator_progress add constraint monitoring_indicator_progress_deviation_check
    check (likelihood = '确定能' or ((deviation_category is not null or cardinality(deviation_categories) > 0)
      and length(trim(measures)) > 0))`.execute(db);

  await unitYear('monitoring_submissions')
    .addColumn('month', 'integer', (c) => c.notNull().check(sql`month between 1 and 12`))
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('monitoring_submissions_pkey', ['unit_id', 'fiscal_year', 'month'])
    .execute();

  await unitYear('monitoring_actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('project_code', 'text')
    .addColumn('warning_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('提示', '警示', '纠偏', '暂缓拨款', '停止拨款')`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(trim(body)) > 0`))
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('待整改')
        .check(sql`state in ('待整改', '整改中', '已整改')`),
    )
    .addColumn('reply', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('monitoring_actions_unit_year_idx')
    .on('monitoring_actions')
    .columns(['unit_id', 'fiscal_year'])
    .execute();
}
