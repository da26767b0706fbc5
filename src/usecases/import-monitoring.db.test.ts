import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { corpusFile } from '../../test/layout-corpus/index.ts';
import { monitoring as monitoringSpec } from '../../test/layout-corpus/specs/monitoring.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import type { MonitoringDocument } from '../domain/table-documents.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { importAnyFile } from './import-any-file.ts';
import { importTargets } from './import-targets.ts';
import { parseDocumentFile } from './parse-document.ts';
import { planImport } from './plan-import.ts';
import { recordSpending } from './record-spending.ts';

const UNIT = { code: '830001', name: '某县城市管理局' };
const CODE = '830-0001-LIGHT';
const unitYear = { unitCode: UNIT.code, fiscalYear: 2024 };
const JULY = { ...unitYear, asOfMonth: 7, today: '2024-08-10' };

/** The corpus 监控表 (万元, no 单位编码, no 项目编码), as a department would upload it. */
async function corpusUpload(): Promise<{ content: Uint8Array; fileName: string }> {
  return { content: await corpusFile(monitoringSpec, 'xlsx'), fileName: 'monitoring.xlsx' };
}

async function corpusDocument(): Promise<MonitoringDocument> {
  const parsed = await parseDocumentFile({ ...(await corpusUpload()) });
  if (parsed.kind !== 'monitoring') throw new Error(`read as ${parsed.kind}`);
  return parsed.document;
}

/** The approved targets the 监控表 reports on: the same project name and indicators, under a real 项目编码. */
function targetsFor(document: MonitoringDocument): TargetsDocument {
  const seed = seedDocument();
  const stated = document.projects[0]!;
  return {
    ...seed,
    unit: UNIT,
    projects: [
      {
        ...seed.projects[0]!,
        code: CODE,
        name: stated.name,
        budget: { total: '1200000.00', fiscal: '1000000.00', other: '200000.00' },
        indicators: stated.indicators.map(
          ({ progress: _p, expected: _e, deviationReason: _d, likelihood: _l, correction: _c, ...indicator }) =>
            indicator,
        ),
      },
    ],
  };
}

/** What 运行监控 shows of the project: spending by month, versions, and each indicator's progress. */
async function monitoringState(getDb: () => Parameters<typeof getUnitMonitoring>[0]) {
  const project = (await getUnitMonitoring(getDb(), JULY)).projects[0]!;
  return {
    spentToDate: project.spentToDate,
    months: project.months.map((m) => [m.fiscal, m.other]),
    version: project.version,
    progress: project.indicators.flatMap((i) => i.progress),
  };
}

describeEachEngine('jixiao import of a 项目支出绩效目标执行监控表', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: targetsFor(await corpusDocument()), fiscalYear: 2024 });
  });

  it("records the 1–7月执行数 as spending and each indicator's progress, matched by unit and project name", async () => {
    const result = await importAnyFile(getDb(), SYSTEM_ACTOR, await corpusUpload());
    expect(result).toMatchObject({ kind: 'monitoring', unitCode: UNIT.code, fiscalYear: 2024, asOfMonth: 7 });
    expect(result).toMatchObject({ projects: 1, indicators: 5 });
    expect(result.notes.map((note) => note.code)).toContain('measures-from-reason');
    const project = (await getUnitMonitoring(getDb(), JULY)).projects[0]!;
    expect(project.code).toBe(CODE);
    expect(project.spentToDate).toBe('546000.00');
    expect(project.months[6]).toMatchObject({ fiscal: '466000.00', other: '80000.00' });
    const progress = Object.fromEntries(project.indicators.map((i) => [i.name, i.progress]));
    expect(progress['更换节能路灯数量']).toEqual([
      expect.objectContaining({ month: 7, valueToDate: '820盏', forecast: '1500盏', likelihood: '确定能' }),
    ]);
    expect(progress['改造完成时间']).toEqual([
      expect.objectContaining({
        month: 7,
        valueToDate: '进行中',
        forecast: '按期完成',
        likelihood: '有可能',
        deviationCategory: '其他',
        reason: '部分路段需配合道路施工',
        // The official form has no 拟采取的措施 column: its 偏差原因分析 stands for the measures (and a note says so).
        measures: '其他：部分路段需配合道路施工',
      }),
    ]);
  });

  it('books only the difference to spending already entered, and a second import changes nothing', async () => {
    await recordSpending(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: CODE,
      entries: [
        { month: 3, source: 'fiscal', amount: '100000.00' },
        { month: 5, source: 'other', amount: '30000.00' },
      ],
    });
    const plan = await planImport(getDb(), await corpusUpload());
    expect(plan).toMatchObject({ kind: 'monitoring', unit: { code: UNIT.code }, unitMatch: 'name' });
    expect(plan.monitoring?.spending).toEqual([
      { projectCode: CODE, month: 7, source: 'fiscal', amount: '366000.00' },
      { projectCode: CODE, month: 7, source: 'other', amount: '50000.00' },
    ]);
    await importAnyFile(getDb(), SYSTEM_ACTOR, await corpusUpload());
    const once = await monitoringState(getDb);
    expect(once.spentToDate).toBe('546000.00');
    expect(once.months[2]).toEqual(['100000.00', '0.00']);
    expect(once.months[6]).toEqual(['366000.00', '50000.00']);
    await importAnyFile(getDb(), SYSTEM_ACTOR, await corpusUpload());
    const twice = await monitoringState(getDb);
    expect({ ...twice, version: once.version }).toEqual(once);
  });

  it('refuses a table whose figures break a rule, or whose year has no targets, and changes nothing', async () => {
    await recordSpending(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: CODE,
      entries: [{ month: 2, source: 'fiscal', amount: '1000.00' }],
    });
    const before = await monitoringState(getDb);
    // 有可能 without its 偏差原因: the indicator rule refuses the table, spending of the project included.
    const document = await corpusDocument();
    const project = document.projects[0]!;
    const unexplained: MonitoringDocument = {
      ...document,
      projects: [
        {
          ...project,
          indicators: project.indicators.map((i) => (i.likelihood === '有可能' ? { ...i, deviationReason: null } : i)),
        },
      ],
    };
    const file = { content: Buffer.from(JSON.stringify(unexplained)), fileName: '监控表.json' };
    const refused = await expectAppError(importAnyFile(getDb(), SYSTEM_ACTOR, file), 'VALIDATION');
    expect(refused.location?.path).toEqual(['projects', 0, 'indicators', 2, 'deviationCategories']);
    expect(await monitoringState(getDb)).toEqual(before);

    // Spending already entered beyond the table's 1–7月执行数 is not silently undone.
    await recordSpending(getDb(), SYSTEM_ACTOR, {
      ...unitYear,
      projectCode: CODE,
      entries: [{ month: 5, source: 'fiscal', amount: '500000.00' }],
    });
    const entered = await monitoringState(getDb);
    const exceeded = await expectAppError(importAnyFile(getDb(), SYSTEM_ACTOR, await corpusUpload()), 'VALIDATION');
    expect(exceeded.message).toMatch(/已超过/);
    expect(await monitoringState(getDb)).toEqual(entered);

    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: targetsFor(document), fiscalYear: 2023 });
    const noTargets = await expectAppError(importAnyFile(getDb(), SYSTEM_ACTOR, await corpusUpload()), 'VALIDATION');
    expect(noTargets.message).toMatch(/尚无 2024 年度的绩效目标.*请先导入该年度的绩效目标表/);
  });
});
