import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db-engines.ts';
import { recordAudit } from './audit.repo.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';

describeEachEngine('audit log', (getDb) => {
  it('appends entries and refuses to update or delete them', async () => {
    const db = getDb().kysely;
    await recordAudit(db, SYSTEM_ACTOR, {
      action: 'update-project',
      unitCode: '711002',
      fiscalYear: 2020,
      entity: 'project',
      entityKey: 'P1',
      before: { name: 'a' },
      after: { name: 'b' },
    });
    const rows = await db.selectFrom('audit_log').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_id: null,
      actor_name: 'system',
      entity_key: 'P1',
      before: { name: 'a' },
      after: { name: 'b' },
    });
    await expect(sql`update audit_log set actor_name = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_log').select('actor_name').execute()).toEqual([{ actor_name: 'system' }]);
  });
});
