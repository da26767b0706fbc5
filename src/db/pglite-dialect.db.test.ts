import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../../test/db-engines.ts';
import type { Db } from './database.ts';

/** The dialect's own promises: one transaction at a time on PGlite's single session. */
describe('PGliteDialect', () => {
  let db: Db;
  // A scratch table the schema does not know: reached through sql`` only.
  const scratch = sql.table('dialect_scratch');

  beforeAll(async () => {
    db = await openTestPglite();
    await sql`create table dialect_scratch (id integer primary key, label text not null)`.execute(db.kysely);
  });
  afterAll(() => db.close());

  async function labels(): Promise<string[]> {
    const { rows } = await sql<{ label: string }>`select label from ${scratch} order by id`.execute(db.kysely);
    return rows.map((row) => row.label);
  }

  it('keeps a rolled-back transaction invisible while another one commits meanwhile', async () => {
    await sql`delete from ${scratch}`.execute(db.kysely);
    let letOtherRun!: () => void;
    const otherMayRun = new Promise<void>((resolve) => (letOtherRun = resolve));
    const doomed = db.kysely.transaction().execute(async (trx) => {
      await sql`insert into ${scratch} values (1, 'rolled back')`.execute(trx);
      letOtherRun();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('abort');
    });
    await otherMayRun;
    const committed = db.kysely.transaction().execute(async (trx) => {
      await sql`insert into ${scratch} values (2, 'committed')`.execute(trx);
    });
    await expect(doomed).rejects.toThrow('abort');
    await committed;
    expect(await labels()).toEqual(['committed']);
  });

  it('runs concurrent transactions one after the other, never interleaved', async () => {
    const events: string[] = [];
    const work = (name: string) =>
      db.kysely.transaction().execute(async (trx) => {
        events.push(`${name} begin`);
        await sql`select pg_sleep(0.02)`.execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 10));
        events.push(`${name} end`);
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    expect(events).toEqual(['a begin', 'a end', 'b begin', 'b end', 'c begin', 'c end']);
  });

  it('reports the rows a statement changed, not the rows it returned', async () => {
    await sql`delete from ${scratch}`.execute(db.kysely);
    const inserted = await sql`insert into ${scratch} values (10, 'x'), (11, 'y'), (12, 'z') returning id`.execute(
      db.kysely,
    );
    expect(inserted.numAffectedRows).toBe(3n);
    const updated = await sql`update ${scratch} set label = 'w' where id >= 11`.execute(db.kysely);
    expect(updated.numAffectedRows).toBe(2n);
    const selected = await sql`select * from ${scratch}`.execute(db.kysely);
    expect(selected.numAffectedRows).toBeUndefined();
    const deleted = await sql`delete from ${scratch} where id = 99`.execute(db.kysely);
    expect(deleted.numAffectedRows).toBe(0n);
  });

  it('rolls back to a savepoint and keeps what came before it', async () => {
    await sql`delete from ${scratch}`.execute(db.kysely);
    const trx = await db.kysely.startTransaction().execute();
    await sql`insert into ${scratch} values (20, 'kept')`.execute(trx);
    const inner = await trx.savepoint('before second').execute();
    await sql`insert into ${scratch} values (21, 'undone')`.execute(inner);
    const outer = await inner.rollbackToSavepoint('before second').execute();
    await outer.commit().execute();
    expect(await labels()).toEqual(['kept']);
  });

  it('releases the session after a failed statement outside any transaction', async () => {
    await expect(sql`select 1 / 0`.execute(db.kysely)).rejects.toThrow(/division by zero/);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db.kysely);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('lets a transaction in flight finish before closing', async () => {
    const other = await openTestPglite();
    const committed = other.kysely.transaction().execute(async (trx) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(trx);
      return rows[0]?.one;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await other.close();
    expect(await committed).toBe(1);
  });
});
