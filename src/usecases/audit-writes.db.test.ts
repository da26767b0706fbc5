import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db-engines.ts';
import { sampleProject, seedDocument } from '../../test/targets-fixtures.ts';
import type { Actor } from '../domain/access.ts';
import { createProject } from './create-project.ts';
import { deleteProject } from './delete-project.ts';
import { importTargets } from './import-targets.ts';
import { listAudit } from './list-audit.ts';
import { updateProject } from './update-project.ts';

const zgh: Actor = { userId: 7, username: 'zgh', displayName: '总工会', role: 'unit', orgCode: '711002' };
const key = { unitCode: '711002', fiscalYear: 2020 };

describeEachEngine('every write leaves an audit entry, who and what, before and after', (getDb) => {
  beforeAll(async () => {
    await importTargets(getDb(), zgh, { document: seedDocument(), fiscalYear: 2020 });
    await importTargets(getDb(), zgh, { document: seedDocument(), fiscalYear: 2020 });
    const created = await createProject(getDb(), zgh, { ...key, project: sampleProject('NEW-1') });
    const updated = await updateProject(getDb(), zgh, {
      ...key,
      projectCode: 'NEW-1',
      expectedVersion: created.version,
      project: sampleProject('NEW-1', { name: '改名' }),
    });
    await deleteProject(getDb(), zgh, { ...key, projectCode: 'NEW-1', expectedVersion: updated.version });
  });

  it('records the import, the re-import with what it replaced, and the project create, update and delete', async () => {
    const { items: entries, total } = await listAudit(getDb(), key);
    expect(total).toBe(5);
    expect(entries.map((e) => [e.actor, e.action, e.entityKey])).toEqual([
      ['zgh', 'delete-project', 'NEW-1'],
      ['zgh', 'update-project', 'NEW-1'],
      ['zgh', 'create-project', 'NEW-1'],
      ['zgh', 'import-targets', '711002'],
      ['zgh', 'import-targets', '711002'],
    ]);
    const [deleted, updated, created, reimport, firstImport] = entries;
    expect(deleted!.after).toBeNull();
    expect((deleted!.before as { project: { name: string } }).project.name).toBe('改名');
    expect((updated!.before as { project: { name: string } }).project.name).not.toBe('改名');
    expect((updated!.after as { project: { name: string } }).project.name).toBe('改名');
    expect(created!.before).toBeNull();
    expect(firstImport!.before).toBeNull();
    expect((reimport!.before as { projects: unknown[] }).projects).toHaveLength(4);
  });
});
