import { type Kysely, sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { up } from './migrations/2026_12_07_0020_follow_up_into_actions.ts';
import { upsertOrganisation } from './organisations.repo.ts';
import { putPolicy } from './policies.repo.ts';
import { upsertUnit } from './units.repo.ts';

/** Migration 0020 on data written by the old model: the warning follow-ups and a policy with `checkpointMonth`. */
describeEachEngine('migration 0020: warning follow-ups into actions, checkpointMonth into checkpoints', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
  });

  it('carries each recorded follow-up over as a 纠偏 action naming its warning, and drops the old table', async () => {
    const k = getDb().kysely;
    const unitId = await upsertUnit(k, { code: '711002', name: '山海关区总工会' });
    // The table as migration 0006 made it (0020 dropped it from the migrated schema).
    await sql`create table monitoring_warning_follow_ups (unit_id integer not null, fiscal_year integer not null,
      warning_id text not null, state text not null, action text, action_by text, action_at timestamptz,
      closed_by text, closed_at timestamptz, primary key (unit_id, fiscal_year, warning_id))`.execute(k);
    await sql`insert into monitoring_warning_follow_ups values
      (${unitId}, 2020, 'behind-plan:P1:6', 'closed', '督促7月完成发放', '张三', '2020-07-10T08:00:00Z', '李四', '2020-08-01T08:00:00Z'),
      (${unitId}, 2020, 'forecast-miss:P2:满意度:6', 'action-recorded', '约谈负责人', '张三', '2020-07-12T08:00:00Z', null, null),
      (${unitId}, 2020, 'overdue:P3:6', 'open', null, null, null, null, null)`.execute(k);
    await up(k as unknown as Kysely<unknown>); // migrations are written against no schema type
    const actions = await sql<Record<string, unknown>>`
      select project_code, warning_id, kind, body, to_char(deadline, 'YYYY-MM-DD') as deadline, state, reply,
             created_by, updated_by
        from monitoring_actions order by id`.execute(k);
    expect(actions.rows).toEqual([
      {
        project_code: 'P1',
        warning_id: 'behind-plan:P1:6',
        kind: '纠偏',
        body: '督促7月完成发放',
        deadline: '2020-07-10',
        state: '已整改',
        reply: '督促7月完成发放',
        created_by: '张三',
        updated_by: '李四',
      },
      {
        project_code: 'P2',
        warning_id: 'forecast-miss:P2:满意度:6',
        kind: '纠偏',
        body: '约谈负责人',
        deadline: '2020-07-12',
        state: '整改中',
        reply: '约谈负责人',
        created_by: '张三',
        updated_by: '张三',
      },
    ]);
    const left =
      await sql`select 1 from information_schema.tables where table_name = 'monitoring_warning_follow_ups'`.execute(k);
    expect(left.rows).toEqual([]);
  });

  it('turns a stored checkpointMonth into one checkpoint due when the overdue warning used to fire', async () => {
    const k = getDb().kysely;
    await upsertOrganisation(k, { code: 'CZJ', name: '财政局', kind: 'bureau', parentCode: null });
    await upsertOrganisation(k, { code: 'BM', name: '部门', kind: 'department', parentCode: 'CZJ' });
    await upsertOrganisation(k, { code: 'BM2', name: '部门二', kind: 'department', parentCode: 'CZJ' });
    await putPolicy(k, 'CZJ', 'monitoring', { checkpointMonth: 6, overdue: { graceDays: 10, level: '警示' } });
    await putPolicy(k, 'BM', 'monitoring', { checkpointMonth: 12 });
    await putPolicy(k, 'BM2', 'monitoring', { checkpointMonth: 6, checkpoints: [{ month: 8, dueDate: '09-15' }] });
    await sql`create table monitoring_warning_follow_ups (unit_id integer, fiscal_year integer, warning_id text,
      state text, action text, action_by text, action_at timestamptz, closed_by text, closed_at timestamptz)`.execute(
      k,
    );
    await up(k as unknown as Kysely<unknown>); // migrations are written against no schema type
    const bodies = await sql<{ code: string; body: unknown }>`
      select o.code, p.body from policies p join organisations o on o.id = p.organisation_id order by o.code`.execute(
      k,
    );
    expect(bodies.rows.map((r) => [r.code, typeof r.body === 'string' ? JSON.parse(r.body) : r.body])).toEqual([
      // December's month-end + the old default of 15 days falls in the next year.
      ['BM', { checkpoints: [{ month: 12, dueDate: '01-15' }] }],
      ['BM2', { checkpoints: [{ month: 8, dueDate: '09-15' }] }],
      ['CZJ', { checkpoints: [{ month: 6, dueDate: '07-10' }], overdue: { level: '警示' } }],
    ]);
  });
});
