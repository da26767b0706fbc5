import type { FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { HOSTILE_CODES } from '../../../test/hostile-codes.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { buildServer } from '../app.ts';

type Node = { code: string; name: string; kind: string; parentCode: string | null; active: boolean; version: number };

describeEachEngine('organisations API', (getDb) => {
  let app: FastifyInstance;
  let admin: TestClient;
  let bureau: TestClient;

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  beforeEach(async () => {
    const db = getDb();
    await clearDatabase(db);
    await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(db, SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区第一中学'),
      fiscalYear: 2020,
    });
    await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit('800001', '秦皇岛市博物馆'), fiscalYear: 2020 });
    await seedOrganisations(db);
    admin = await signIn(app, db, { role: 'admin' });
    bureau = await signIn(app, db, { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  const tree = async (client: TestClient, query = '') =>
    ((await client.inject(`/api/organisations${query}`)).json() as { items: Node[] }).items;
  const node = async (code: string) => (await tree(admin)).find((n) => n.code === code)!;
  const patch = (client: TestClient, code: string, version: number | null, payload: object) =>
    client.inject({
      method: 'PATCH',
      url: `/api/organisations/${encodeURIComponent(code)}`,
      payload,
      headers: version === null ? {} : { 'if-match': `"${version}"` },
    });

  it('lists the whole tree to an administrator and only its own subtree to a bureau', async () => {
    const all = await tree(admin);
    expect(all.filter((n) => n.kind !== 'unit').map((n) => `${n.code}<${n.parentCode ?? ''}`)).toEqual([
      'QHD-CZJ<',
      'SHG-CZJ<',
      '711<SHG-CZJ',
      '712<SHG-CZJ',
      '800<QHD-CZJ',
    ]);
    expect(all.find((n) => n.code === '711002')).toMatchObject({
      kind: 'unit',
      parentCode: '711',
      active: true,
      version: 1,
    });
    expect((await tree(bureau)).map((n) => n.code)).toEqual(['SHG-CZJ', '711', '712', '711002', '712001']);
  });

  it('creates a department and a unit, renames, moves and deactivates with If-Match, and audits each change', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { code: '713', name: '山海关区卫健局', kind: 'department', parentCode: 'SHG-CZJ' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const unit = await bureau.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: { code: '713001', name: '山海关区人民医院', kind: 'unit', parentCode: '713' },
    });
    expect(unit.statusCode).toBe(201);
    const renamed = await patch(admin, '713', 1, { name: '山海关区卫生健康局' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '山海关区卫生健康局', version: 2 });
    expect((await patch(admin, '713', 1, { name: '旧版本' })).statusCode).toBe(409);
    expect((await patch(admin, '713', null, { name: '无版本' })).statusCode).toBe(428);
    const moved = await patch(bureau, '713001', 1, { parentCode: '711' });
    expect(moved.json()).toMatchObject({ parentCode: '711', version: 2 });
    const deactivated = await patch(admin, '713', 2, { active: false });
    expect(deactivated.json()).toMatchObject({ active: false, version: 3 });
    expect((await tree(admin, '?active=true')).map((n) => n.code)).not.toContain('713');
    expect((await node('713')).active).toBe(false);
    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'entity_key', 'actor_name'])
      .where('entity', '=', 'organisation')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action} ${a.entity_key}`)).toEqual([
      'create-organisation 713',
      'create-organisation 713001',
      'rename-organisation 713',
      'move-organisation 713001',
      'deactivate-organisation 713',
    ]);
    expect(audit[1]!.actor_name).toBe(bureau.username);
  });

  it('refuses wrong kinds (which also rule out cycles), duplicates, inactive parents and deactivating a node with active children', async () => {
    const post = (payload: object) => admin.inject({ method: 'POST', url: '/api/organisations', payload });
    expect(
      (await post({ code: '714', name: '部门', kind: 'department', parentCode: '711' })).json().error.message,
    ).toContain('只能放在财政局之下');
    expect(
      (await post({ code: 'X1', name: '单位', kind: 'unit', parentCode: '711002' })).json().error.location.field,
    ).toBe('parentCode');
    expect((await post({ code: '711', name: '重复', kind: 'department', parentCode: 'SHG-CZJ' })).statusCode).toBe(409);
    expect(
      (await post({ code: '711002', name: '与单位重复', kind: 'department', parentCode: 'SHG-CZJ' })).statusCode,
    ).toBe(409);
    expect((await post({ code: 'NEW', name: '无上级部门', kind: 'department' })).json().error.message).toContain(
      '必须有上级',
    );
    expect((await patch(admin, '711', 1, { parentCode: '712' })).json().error.message).toContain('只能放在财政局之下');
    expect((await patch(admin, 'SHG-CZJ', 1, { parentCode: 'QHD-CZJ' })).json().error.message).toContain('不能有上级');
    const busy = await patch(admin, '711', 1, { active: false });
    expect(busy.statusCode).toBe(400);
    expect(busy.json().error.location.field).toBe('active');
    expect((await patch(admin, '711002', 1, { active: false })).statusCode).toBe(200);
    const assigned = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'new-unit-user', role: 'unit', orgCode: '711002', password: 'Violet-Harbour-2391' },
    });
    expect(assigned.statusCode).toBe(400);
    expect(assigned.json().error.location.field).toBe('orgCode');
    expect((await patch(admin, '711', 1, { active: false })).statusCode).toBe(200);
    expect(
      (await post({ code: 'X2', name: '新单位', kind: 'unit', parentCode: '711' })).json().error.message,
    ).toContain('已停用');
    expect((await patch(admin, '711002', 2, { active: true })).json().error.message).toContain('请先启用上级');
    expect((await patch(admin, '711002', 2, { active: true, parentCode: '712' })).json()).toMatchObject({
      active: true,
      parentCode: '712',
    });
  });

  it('keeps a bureau user inside its own bureau', async () => {
    expect(
      (
        await bureau.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { code: 'B2', name: '新财政局', kind: 'bureau' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await bureau.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { code: '801', name: '外局部门', kind: 'department', parentCode: 'QHD-CZJ' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await patch(bureau, '800', 1, { name: '他局部门' })).statusCode).toBe(403);
    expect((await patch(bureau, 'SHG-CZJ', 1, { name: '改本局名' })).statusCode).toBe(403);
    expect((await patch(bureau, '711002', 1, { parentCode: '800' })).statusCode).toBe(403);
    const department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    expect((await department.inject('/api/organisations')).statusCode).toBe(403);
    expect((await node('800')).name).toBe('秦皇岛市文旅局（部门）');
  });

  describe('hostile codes', () => {
    it('are refused with 400 naming the field in bodies, organisation and unit URLs', async () => {
      for (const code of HOSTILE_CODES) {
        const created = await admin.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { code, name: '恶意', kind: 'department', parentCode: 'SHG-CZJ' },
        });
        expect(created.statusCode, JSON.stringify(code)).toBe(400);
        expect(created.json().error.location.field).toBe('code');
        const parent = await admin.inject({
          method: 'POST',
          url: '/api/organisations',
          payload: { code: 'OK1', name: '正常', kind: 'unit', parentCode: code },
        });
        expect(parent.json().error.location.field, JSON.stringify(code)).toBe('parentCode');
        if (code === '') continue;
        const encoded = encodeURIComponent(code);
        const patched = await patch(admin, code, 1, { name: 'x' });
        expect(patched.statusCode, JSON.stringify(code)).toBe(400);
        // A control or bidi character may be refused by the input guard before the schema: either names the field.
        expect(patched.json().error.location.field, JSON.stringify(code)).toBe('code');
        const targets = await admin.inject(`/api/units/${encoded}/years/2020/targets`);
        expect(targets.statusCode, JSON.stringify(code)).toBe(400);
        expect(targets.json().error.location.field, JSON.stringify(code)).toBe('unitCode');
      }
    });

    it('are refused in project URLs, list filters and user assignment', async () => {
      const project = await admin.inject('/api/units/711002/years/2020/projects/..%2Fx');
      expect(project.json().error.location).toMatchObject({ in: 'params', field: 'projectCode' });
      const filter = await admin.inject(`/api/units?orgCode=${encodeURIComponent('a/b')}`);
      expect(filter.json().error.location).toMatchObject({ in: 'querystring', field: 'orgCode' });
      const user = await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'evil', role: 'unit', orgCode: '../x', password: 'a-long-password-123' },
      });
      expect(user.statusCode).toBe(400);
      expect(user.json().error.location.field).toBe('orgCode');
    });
  });
});
