import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit, sampleProject } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { deriveProjectCode } from '../domain/codes.ts';
import { getTargets } from './get-targets.ts';
import { importFile } from './import-file.ts';
import { importTargets } from './import-targets.ts';
import { planImport } from './plan-import.ts';
import { previewImport } from './preview-import.ts';

/** A targets@1 file as most provincial tables give it: the unit named, no 单位编码; one project with a derived key. */
function fileWithoutCode(
  unitName: string,
  projectName = '农田水利设施维护',
): { content: Uint8Array; fileName: string } {
  const project = { ...sampleProject(deriveProjectCode(projectName)), name: projectName, derivedCode: true };
  const document = {
    format: 'jixiao/targets@1',
    unit: { name: unitName },
    overall: { goals: [], measures: [] },
    projects: [project],
  };
  return { content: Buffer.from(JSON.stringify(document)), fileName: 'no-code.json' };
}

describeEachEngine('import of a document without a unit code', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    for (const [code, name] of [
      ['820001', '某县农业农村局'],
      ['820002', '某县农业农村局机关服务中心'],
      ['820003', '某县教育局'],
    ] as const) {
      await importTargets(getDb(), SYSTEM_ACTOR, { document: documentForUnit(code, name), fiscalYear: 2023 });
    }
  });

  it('stores it under the unit whose name matches exactly (full-width and spaces folded), with the derived key', async () => {
    const result = await importFile(getDb(), SYSTEM_ACTOR, { ...fileWithoutCode('某县 农业农村局'), fiscalYear: 2024 });
    expect(result).toMatchObject({ unitCode: '820001', fiscalYear: 2024, projects: 1, replaced: false });
    const { document } = await getTargets(getDb(), { unitCode: '820001', fiscalYear: 2024 });
    expect(document.unit).toEqual({ code: '820001', name: '某县农业农村局' });
    expect(document.projects[0]?.code).toBe(deriveProjectCode('农田水利设施维护'));
    // The same project read again derives the same key: the unit-year is replaced, the project updated in place.
    const again = await importFile(getDb(), SYSTEM_ACTOR, { ...fileWithoutCode('某县农业农村局'), fiscalYear: 2024 });
    expect(again.replaced).toBe(true);
    const stored = await getTargets(getDb(), { unitCode: '820001', fiscalYear: 2024 });
    expect(stored.document.projects.map((project) => project.code)).toEqual([deriveProjectCode('农田水利设施维护')]);
  });

  it('refuses a name it cannot match, offering close matches with their codes and --unit, and stores nothing', async () => {
    const before = await countRows(getDb());
    const error = await expectAppError(
      importFile(getDb(), SYSTEM_ACTOR, { ...fileWithoutCode('某县农业农村厅'), fiscalYear: 2024 }),
      'BAD_INPUT',
    );
    expect(error.message).toContain('820001 某县农业农村局');
    expect(error.message).toContain('--unit');
    expect(await countRows(getDb())).toEqual(before);
    const unrelated = await expectAppError(
      importFile(getDb(), SYSTEM_ACTOR, { ...fileWithoutCode('省气象台'), fiscalYear: 2024 }),
      'BAD_INPUT',
    );
    expect(unrelated.message).toContain('找不到名为“省气象台”的单位');
  });

  it('takes --unit: an existing unit keeps its name (with a note), a new code creates the unit', async () => {
    const given = await importFile(getDb(), SYSTEM_ACTOR, {
      ...fileWithoutCode('某县农业农村厅'),
      fiscalYear: 2024,
      unitCode: '820001',
    });
    expect(given.unitCode).toBe('820001');
    expect(given.notes.map((note) => note.code)).toContain('unit-name-differs');
    expect((await getTargets(getDb(), { unitCode: '820001', fiscalYear: 2024 })).document.unit.name).toBe(
      '某县农业农村局',
    );
    const created = await importFile(getDb(), SYSTEM_ACTOR, {
      ...fileWithoutCode('某县水务局'),
      fiscalYear: 2024,
      unitCode: '820009',
    });
    expect(created.unitCode).toBe('820009');
    expect((await getTargets(getDb(), { unitCode: '820009', fiscalYear: 2024 })).document.unit.name).toBe('某县水务局');
    // A stated code that contradicts --unit is refused.
    const stated = {
      content: Buffer.from(JSON.stringify(documentForUnit('820003', '某县教育局'))),
      fileName: 'x.json',
    };
    await expectAppError(
      importFile(getDb(), SYSTEM_ACTOR, { ...stated, fiscalYear: 2024, unitCode: '820001' }),
      'BAD_INPUT',
    );
  });

  it("on a unit's page takes the page's unit, and refuses another unit's name with both names", async () => {
    const preview = await previewImport(getDb(), {
      ...fileWithoutCode('某县农业农村局'),
      unitCode: '820001',
      fiscalYear: 2024,
    });
    expect(preview.document.unit.code).toBe('820001');
    const error = await expectAppError(
      importFile(getDb(), SYSTEM_ACTOR, {
        ...fileWithoutCode('某县教育局'),
        fiscalYear: 2024,
        expectUnitCode: '820001',
      }),
      'VALIDATION',
    );
    expect(error.message).toBe('文件中的单位是“某县教育局”，不是当前单位“某县农业农村局”（820001）');
  });

  it('plans an import (--dry-run) without storing anything', async () => {
    const before = await countRows(getDb());
    const plan = await planImport(getDb(), { ...fileWithoutCode('某县农业农村局'), fiscalYear: 2023 });
    expect(plan).toMatchObject({
      unit: { code: '820001', name: '某县农业农村局' },
      unitMatch: 'name',
      fiscalYear: 2023,
      projects: 1,
      indicators: 2,
      kind: 'targets',
      hasTargets: true,
      derivedKeys: [{ code: deriveProjectCode('农田水利设施维护'), name: '农田水利设施维护' }],
    });
    expect(await countRows(getDb())).toEqual(before);
  });
});
