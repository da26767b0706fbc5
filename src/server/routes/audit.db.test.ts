import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { seedOrganisations, signIn } from '../../../test/api-client.ts';
import { describeEachEngine } from '../../../test/db-engines.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

const base = '/api/units/711002/years/2020';
const code = '711-0701-JBN-PGN6';

describeEachEngine('audit log over HTTP', (getDb) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(getDb());
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
    const unit = await signIn(app, getDb(), { role: 'unit' });
    const { project, version } = (await unit.inject(`${base}/projects/${code}`)).json();
    const put = await unit.inject({
      method: 'PUT',
      url: `${base}/projects/${code}`,
      headers: { 'if-match': `"${version}"` },
      payload: { ...project, name: '帮扶资金（改）' },
    });
    expect(put.statusCode).toBe(200);
  });

  it('records who changed what, before and after, newest first', async () => {
    const auditor = await signIn(app, getDb(), { role: 'auditor' });
    const page = (await auditor.inject(`${base}/audit?pageSize=1`)).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const [entry] = page.items;
    expect(entry).toMatchObject({
      actor: 'test-unit-711002',
      action: 'update-project',
      entity: 'project',
      entityKey: code,
      unitCode: '711002',
      fiscalYear: 2020,
    });
    expect(entry.before.project.name).toBe('困难职工帮扶资金');
    expect(entry.after.project.name).toBe('帮扶资金（改）');
    const second = (await auditor.inject(`${base}/audit?pageSize=1&page=2`)).json();
    expect(second.items[0]).toMatchObject({ actor: 'system', action: 'import-targets', entity: 'target-document' });
    const projectsOnly = (await auditor.inject(`${base}/audit?entity=project`)).json();
    expect(projectsOnly.items.map((e: { action: string }) => e.action)).toEqual(['update-project']);
  });

  it('exports CSV with a UTF-8 BOM so that Excel reads the Chinese', async () => {
    const department = await signIn(app, getDb(), { role: 'department' });
    const response = await department.inject(`${base}/audit.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('时间(UTC),操作人,操作,单位,年度,对象,对象编码,修改前,修改后');
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z,test-unit-711002,update-project,711002,2020,project,711-0701-JBN-PGN6,"\{/,
    );
    expect(lines).toHaveLength(4); // header, two entries, and the final line break
  });

  it('keeps the log from a unit user (no audit:read)', async () => {
    const unit = await signIn(app, getDb(), { role: 'unit' });
    expect((await unit.inject(`${base}/audit`)).statusCode).toBe(403);
  });
});
