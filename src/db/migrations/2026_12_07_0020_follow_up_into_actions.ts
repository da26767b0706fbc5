import { type Kysely, sql } from 'kysely';

/**
 * One follow-up model for 绩效运行监控 (decision 036): a computed warning is the trigger, the bureau's action
 * (monitoring_actions) is the record, and the 整改 follow-up lives on the action.
 * - Each warning follow-up that recorded a corrective action becomes a 纠偏 action naming its warning (the project
 *   code is the warning id's second part: rule:code[:indicator]:month), 整改中 while it was open, 已整改 once it was
 *   closed; the action text is also the reply (in the old model the unit wrote what it did). Follow-ups without an
 *   action held nothing. The table is then dropped.
 * - The monitoring policy's `checkpointMonth` gives way to `checkpoints`: a stored one without checkpoints becomes
 *   one checkpoint at that month, due at its month-end + the old grace days (15 unless stored), so the overdue
 *   warning fires on the same day as before; `overdue.graceDays` now counts from the due date, so a stored value
 *   (which counted from the month-end) is dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into monitoring_actions
      (unit_id, fiscal_year, project_code, warning_id, kind, body, deadline, state, reply,
       created_by, created_at, updated_by, updated_at)
    select unit_id, fiscal_year, nullif(split_part(warning_id, ':', 2), ''), warning_id, '纠偏', action,
           coalesce(action_at, now())::date, case when state = 'closed' then '已整改' else '整改中' end, action,
           coalesce(action_by, '系统'), coalesce(action_at, now()),
           coalesce(closed_by, action_by, '系统'), coalesce(closed_at, action_at, now())
      from monitoring_warning_follow_ups
     where action is not null and length(trim(action)) > 0
     order by unit_id, fiscal_year, action_at, warning_id`.execute(db);
  await db.schema.dropTable('monitoring_warning_follow_ups').execute();

  await sql`
    update policies
       set body = (body - 'checkpointMonth') || jsonb_build_object('checkpoints', jsonb_build_array(jsonb_build_object(
             'month', (body->>'checkpointMonth')::int,
             'dueDate', to_char(make_date(2021, (body->>'checkpointMonth')::int, 1) + interval '1 month' - interval '1 day'
               + coalesce((body->'overdue'->>'graceDays')::int, 15) * interval '1 day', 'MM-DD'))))
     where kind = 'monitoring' and body ? 'checkpointMonth' and not body ? 'checkpoints'`.execute(db);
  await sql`
    update policies set body = (body - 'checkpointMonth') #- '{overdue,graceDays}'
     where kind = 'monitoring' and (body ? 'checkpointMonth' or body->'overdue' ? 'graceDays')`.execute(db);
}
