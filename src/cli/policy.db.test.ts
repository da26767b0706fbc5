import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { runCliInProcess as cli } from '../../test/cli-in-process.ts';
import { migratedPgliteDir } from '../../test/pglite-template.ts';
import { openDatabase, resolveDatabaseOptions } from '../db/database.ts';
import { upsertOrganisation } from '../db/organisations.repo.ts';

describe('jixiao policy', () => {
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    dir = await migratedPgliteDir('jixiao-policy-data-');
    env = { JIXIAO_DATA: dir, DATABASE_URL: '' };
    // The bureau must exist before it can hold a policy (the demo tree's, created directly).
    const db = await openDatabase(resolveDatabaseOptions(env));
    try {
      await upsertOrganisation(db.kysely, {
        code: 'SHG-CZJ',
        name: '秦皇岛市山海关区财政局',
        kind: 'bureau',
        parentCode: null,
      });
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('sets a monitoring policy from a file and shows it with the defaults filled', async () => {
    const file = join(dir, 'monitoring.json');
    await writeFile(
      file,
      JSON.stringify({ checkpoints: [{ month: 7, dueDate: '08-31' }], overdue: { graceDays: 10 } }),
    );
    const set = await runCli(['policy', 'set', '--org', 'SHG-CZJ', '--kind', 'monitoring', file], env);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('已保存机构 SHG-CZJ 的 monitoring 规则设置');
    const shown = await cli(['policy', 'show', '--org', 'SHG-CZJ', '--kind', 'monitoring', '--format', 'json'], env);
    expect(shown.code).toBe(0);
    const view = JSON.parse(shown.stdout) as {
      stored: unknown;
      effective: { checkpoints: unknown[]; overdue: unknown; behindPlan: unknown[] };
    };
    expect(view.stored).toEqual({ checkpoints: [{ month: 7, dueDate: '08-31' }], overdue: { graceDays: 10 } });
    expect(view.effective.checkpoints).toEqual([{ month: 7, dueDate: '08-31' }]);
    expect(view.effective.overdue).toEqual({ graceDays: 10, level: '提示' });
    expect(view.effective.behindPlan).toHaveLength(2);
  });

  it('refuses an unknown key (exit 1, the path named), an unknown org and a missing --kind', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ executionPoint: 20 }));
    const bad = await cli(['policy', 'set', '--org', 'SHG-CZJ', '--kind', 'scoring', file], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('executionPoint');
    const good = join(dir, 'good.json');
    await writeFile(good, '{}');
    expect((await cli(['policy', 'set', '--org', 'NOPE', '--kind', 'scoring', good], env)).stderr).toContain('NOPE');
    expect((await cli(['policy', 'show', '--org', 'SHG-CZJ'], env)).code).toBe(2);
  });
});
