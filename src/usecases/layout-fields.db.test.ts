import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { layoutDocument } from '../../test/layout-fields-fixture.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { bureauActor, loadWorkflowFixture, unitActor } from '../../test/workflow-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { diffTargetVersions } from './diff-versions.ts';
import { getProject } from './get-project.ts';
import { getTargets } from './get-targets.ts';
import { importMany } from './import-many.ts';
import { importTargets } from './import-targets.ts';
import { transitionTargets } from './transition-targets.ts';
import { updateProject } from './update-project.ts';

/**
 * The fields provincial layouts add (issue 15, decision 030) survive every path that writes or reads
 * targets: the single import, the batch import, the one-project read, the editor's update, versions.
 */
const key = { unitCode: '711002', fiscalYear: 2020 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-layout-fields-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describeEachEngine('layout fields stored', (getDb) => {
  beforeEach(() => clearDatabase(getDb()));

  it('stores every optional field and reads the document back equal, extras in the order written', async () => {
    const written = layoutDocument();
    await importTargets(getDb(), SYSTEM_ACTOR, { document: written, fiscalYear: 2020 });
    const { document } = await getTargets(getDb(), key);
    expect(document).toStrictEqual({ ...written, fiscalYear: 2020 });
    const first = document.projects[0]!;
    expect(Object.keys(first.indicators[0]!.extras!)).toEqual(['指标解释补充说明', '备注']);
    expect(Object.keys(document.overall.indicators![0]!.extras!)).toEqual(['评（扣）分标准', '备注']);
    // The one-project read (a database function) gives the same project.
    const read = await getProject(getDb(), { ...key, projectCode: first.code });
    expect(read.project).toStrictEqual(written.projects[0]);
    expect(Object.keys(read.project.indicators[0]!.extras!)).toEqual(['指标解释补充说明', '备注']);
  });

  it('stores them through the batch import too', async () => {
    const written = { ...layoutDocument('711009', '测试单位'), fiscalYear: 2020 };
    const folder = join(dir, `batch-${getDb().engine}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'layout.json'), JSON.stringify(written));
    await importMany(getDb(), SYSTEM_ACTOR, folder);
    const { document } = await getTargets(getDb(), { unitCode: '711009', fiscalYear: 2020 });
    expect(document).toStrictEqual(written);
  });

  it('leaves them NULL for the seed layout, which reads back without them', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    expect((await getTargets(getDb(), key)).document).toStrictEqual({ ...seedDocument(), fiscalYear: 2020 });
    const db = getDb().kysely;
    const indicators = await db
      .selectFrom('indicators')
      .select(['nature', 'weight', 'direction', 'extras'])
      .where((eb) => eb.or([eb('nature', 'is not', null), eb('weight', 'is not', null), eb('extras', 'is not', null)]))
      .execute();
    expect(indicators).toEqual([]);
    const projects = await db.selectFrom('projects').select(['derived_code', 'details']).execute();
    expect(projects.every((p) => p.derived_code === false && p.details === null)).toBe(true);
  });

  it('keeps them when an edit leaves them out (the web editor has none), and drops derivedCode with a new code', async () => {
    const written = layoutDocument();
    await importTargets(getDb(), SYSTEM_ACTOR, { document: written, fiscalYear: 2020 });
    const stored = written.projects[0]!;
    const { derivedCode: _derived, details: _details, ...plain } = stored;
    const edited = {
      ...plain,
      name: '改过的名称',
      indicators: plain.indicators.map(({ nature: _n, weight: _w, direction: _d, extras: _e, ...rest }, i) =>
        i === 1 ? { ...rest, weight: '12' } : rest,
      ),
    };
    const updated = await updateProject(getDb(), unitActor, {
      ...key,
      projectCode: stored.code,
      expectedVersion: 1,
      project: edited,
    });
    const expected = {
      ...stored,
      name: '改过的名称',
      indicators: stored.indicators.map((indicator, i) => (i === 1 ? { ...indicator, weight: '12' } : indicator)),
    };
    expect(updated.project).toStrictEqual(expected);

    const renamed = await updateProject(getDb(), unitActor, {
      ...key,
      projectCode: stored.code,
      expectedVersion: 2,
      project: { ...edited, code: 'P-REAL-1' },
    });
    expect(renamed.project.derivedCode).toBeUndefined();
    expect(renamed.project.details).toStrictEqual(stored.details);
  });
});

describeEachEngine('layout fields in versions', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await loadWorkflowFixture(getDb());
  });

  it('keeps them in a stored version, so a diff shows a changed weight', async () => {
    await importTargets(getDb(), SYSTEM_ACTOR, { document: layoutDocument(), fiscalYear: 2020 });
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await transitionTargets(getDb(), bureauActor, { ...key, action: 'return', comment: '权重需调整' });
    const code = layoutDocument().projects[0]!.code;
    const { project, version } = await getProject(getDb(), { ...key, projectCode: code });
    const reweighted = project.indicators.map((i, n) => (n === 0 ? { ...i, weight: '5' } : i));
    await updateProject(getDb(), unitActor, {
      ...key,
      projectCode: code,
      expectedVersion: version,
      project: { ...project, indicators: reweighted },
    });
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    const diff = await diffTargetVersions(getDb(), { ...key, from: 1, to: 2 });
    expect(diff.changes).toEqual([
      expect.objectContaining({
        path: ['projects', code, 'indicators', 0, 'weight'],
        label: '权重',
        before: '7.5',
        after: '5',
      }),
    ]);
  });
});
