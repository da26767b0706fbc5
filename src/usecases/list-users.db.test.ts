import { beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { insertUser } from '../db/users.repo.ts';
import type { Role } from '../domain/access.ts';
import { listUserPage } from './list-user-page.ts';

describeEachEngine('listUserPage', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    const users: [string, string, Role, string][] = [
      ['czj', '山海关区财政局', 'bureau', 'SHG-CZJ'],
      ['zgb', '总工会机关', 'department', '711'],
      ['zgh', '总工会财务室', 'unit', '711002'],
      ['zgh2', '总工会100%分会', 'unit', '711002'],
      ['admin', '管理员', 'admin', ''],
    ];
    for (const [username, displayName, role, orgCode] of users) {
      await insertUser(getDb().kysely, { username, displayName, role, orgCode, passwordHash: 'x' });
    }
  });

  const names = (page: { items: { username: string }[] }) => page.items.map((u) => u.username);

  it('pages by username and counts every match', async () => {
    expect(await listUserPage(getDb(), { page: 2, pageSize: 2 })).toMatchObject({
      total: 5,
      page: 2,
      pageSize: 2,
      items: [{ username: 'zgb' }, { username: 'zgh' }],
    });
    expect(await listUserPage(getDb(), { page: 4, pageSize: 2 })).toEqual({
      items: [],
      total: 5,
      page: 4,
      pageSize: 2,
    });
  });

  it('filters by username prefix or part of the display name, role and organisation', async () => {
    expect(names(await listUserPage(getDb(), { search: 'ZG' }))).toEqual(['zgb', 'zgh', 'zgh2']);
    expect(names(await listUserPage(getDb(), { search: '总工会' }))).toEqual(['zgb', 'zgh', 'zgh2']);
    expect(names(await listUserPage(getDb(), { search: '100%' }))).toEqual(['zgh2']);
    expect(names(await listUserPage(getDb(), { search: '%' }))).toEqual(['zgh2']);
    expect(names(await listUserPage(getDb(), { role: 'unit' }))).toEqual(['zgh', 'zgh2']);
    expect(names(await listUserPage(getDb(), { orgCode: '' }))).toEqual(['admin']);
    expect(names(await listUserPage(getDb(), { role: 'unit', search: '财务' }))).toEqual(['zgh']);
  });
});
