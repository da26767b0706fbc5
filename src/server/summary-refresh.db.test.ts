import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { seedOrganisations, signIn } from '../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit, seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { Db } from '../db/database.ts';
import { importTargets } from '../usecases/import-targets.ts';
import { refreshStaleSummaries } from '../usecases/refresh-summaries.ts';
import { buildServer } from './app.ts';
import { startSummarySweeper } from './summary-refresh.ts';

const P = '711-0701-JBN-PGN6';

async function summaryOf(db: Db, unitCode: string): Promise<{ stale: boolean; spent: string | null }> {
  const result = await sql<{ stale: boolean; spent: string | null }>`
    select s.stale, s.spent_cents::text as spent from unit_year_summaries s join units u on u.id = s.unit_id where u.code = ${unitCode}`.execute(
    db.kysely,
  );
  return result.rows[0]!;
}

describeEachEngine('bureau summaries through the HTTP layer', (getDb) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });

  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区教育局'),
      fiscalYear: 2020,
    });
    await seedOrganisations(getDb());
    await refreshStaleSummaries(getDb());
  });

  it('recomputes the unit-year a write touched before the write answers', async () => {
    expect(await summaryOf(getDb(), '711002')).toEqual({ stale: false, spent: '0' });
    const unit = await signIn(app, getDb(), { role: 'unit', orgCode: '711002' });
    const put = await unit.inject({
      method: 'PUT',
      url: `/api/units/711002/years/2020/monitoring/projects/${encodeURIComponent(P)}/spending`,
      headers: { 'if-match': '"0"' },
      payload: { entries: [{ month: 3, source: 'fiscal', amount: '9000.00' }] },
    });
    expect(put.statusCode).toBe(204);
    // 9,000.00 元 = 900,000 分, already in the read model: no reader ever sees the old figure as current.
    expect(await summaryOf(getDb(), '711002')).toEqual({ stale: false, spent: '900000' });
    const bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    const view = (await bureau.inject({ url: '/api/bureau/years/2020/monitoring?search=711002' })).json();
    expect(view.items).toEqual([expect.objectContaining({ unitCode: '711002', spentToDate: '9000.00', stale: false })]);
  });

  it('leaves the figures stale when the write fails, and the sweeper brings them up to date', async () => {
    const other = await signIn(app, getDb(), { role: 'unit', orgCode: '712001' });
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区教育局（新）'),
      fiscalYear: 2020,
    });
    const refused = await other.inject({
      method: 'PUT',
      url: `/api/units/711002/years/2020/monitoring/projects/${encodeURIComponent(P)}/spending`,
      headers: { 'if-match': '"0"' },
      payload: { entries: [{ month: 3, source: 'fiscal', amount: '1.00' }] },
    });
    expect(refused.statusCode).toBe(403);
    expect((await summaryOf(getDb(), '712001')).stale).toBe(true);
    const stop = startSummarySweeper(getDb(), { intervalMs: 60_000 });
    await stop();
    expect((await summaryOf(getDb(), '712001')).stale).toBe(false);
  });

  it('pages the three bureau views and refuses bad paging', async () => {
    const bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
    const ranking = (await bureau.inject({ url: '/api/bureau/years/2020/ranking?pageSize=1&page=2&sort=code' })).json();
    expect(ranking).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ unitCode: '712001' }], stale: 0 });
    const overview = (
      await bureau.inject({ url: '/api/bureau/overview?year=2020&state=draft&search=山海关区教育局' })
    ).json();
    expect(overview).toMatchObject({ total: 1, items: [{ unitCode: '712001', state: 'draft' }], states: { draft: 1 } });
    expect((await bureau.inject({ url: '/api/bureau/years/2020/ranking?pageSize=500' })).statusCode).toBe(400);
    expect((await bureau.inject({ url: '/api/bureau/years/2020/monitoring?sort=nonsense' })).statusCode).toBe(400);
  });
});
