import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { ActualsDocumentSchema } from '../contract/actuals.ts';
import { TargetsDocumentSchema } from '../contract/targets.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import { generateUnit, generateUnits } from '../domain/generate/index.ts';
import { impliedOpinions } from '../domain/generate/opinions.ts';
import { blockingItems, type OpinionLevel } from '../domain/review/opinion.ts';
import { normaliseDocument } from '../domain/normalise.ts';
import { generateIntoDatabase } from './generate-into-database.ts';
import { generateToDirectory } from './generate-to-directory.ts';
import { getEvaluation } from './get-evaluation.ts';
import { getReviewOpinions } from './get-review-opinions.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { getTargets } from './get-targets.ts';
import { getWorkflowState } from './get-workflow.ts';
import { importFile } from './import-file.ts';
import { importPayments } from './import-payments.ts';
import { scoreActuals } from './score-actuals.ts';

// Seed 3: two approved unit-years and one department-reviewed (the states that imply 审核意见表).
const options = { units: 3, projectsPerUnit: 4, seed: 3, fiscalYear: 2020 };

describe('generated documents', () => {
  it('pass the exchange-format schema and are already in normal form', () => {
    for (const unit of generateUnits({ units: 30, projectsPerUnit: 25, seed: 3 })) {
      expect(TargetsDocumentSchema.parse(unit.document)).toEqual(unit.document);
      expect(normaliseDocument(unit.document)).toEqual(unit.document);
      expect(ActualsDocumentSchema.safeParse(unit.actuals).success).toBe(true);
    }
  });
});

describeEachEngine('generateIntoDatabase', (getDb) => {
  let summary: Awaited<ReturnType<typeof generateIntoDatabase>>;
  const progress: [number, number][] = [];
  beforeAll(async () => {
    await clearDatabase(getDb());
    summary = await generateIntoDatabase(getDb(), options, (done, total) => progress.push([done, total]));
  });

  it('stores every unit’s targets exactly as generated, under its department and the city bureau', async () => {
    const units = [...generateUnits(options)];
    expect(summary).toEqual({
      units: 3,
      projects: 12,
      indicators: units.reduce((n, u) => n + u.document.projects.reduce((m, p) => m + p.indicators.length, 0), 0),
    });
    expect(progress.at(-1)).toEqual([3, 3]);
    for (const unit of units) {
      const { document } = await getTargets(getDb(), { unitCode: unit.unit.code, fiscalYear: 2020 });
      expect(document).toEqual(unit.document);
      const ancestors = await ancestorsOfUnit(getDb().kysely, unit.unit.code);
      expect(ancestors.map((a) => a.code)).toEqual(['801', 'CITY-CZJ']);
    }
  });

  it('stores the monitoring year, the 自评 and the workflow state', async () => {
    for (const unit of generateUnits(options)) {
      const key = { unitCode: unit.unit.code, fiscalYear: 2020 };
      const monitoring = await getUnitMonitoring(getDb(), { ...key, asOfMonth: 12, today: '2021-01-20' });
      const recorded = (code: string) =>
        unit.monitoring.spending
          .filter((s) => s.projectCode === code)
          .reduce((sum, s) => sum + Math.round(Number(s.amount) * 100), 0);
      for (const project of monitoring.projects)
        expect(Math.round(Number(project.spentToDate) * 100)).toBe(recorded(project.code));
      expect((await getWorkflowState(getDb(), key)).state).toBe(unit.workflowState);
      if (unit.evaluationStatus === null) continue;
      const evaluation = await getEvaluation(getDb(), key);
      expect(evaluation.status).toBe(unit.evaluationStatus);
      const actual = (code: string, name: string) =>
        unit.actuals.projects.find((p) => p.code === code)!.indicators.find((i) => i.name === name)!.actual;
      for (const p of evaluation.projects) for (const i of p.indicators) expect(i.actual).toBe(actual(p.code, i.name));
    }
  });

  it('records the 审核意见表 each state implies, which let the steps taken pass (decision 033)', async () => {
    const states = [];
    for (const unit of generateUnits(options)) {
      states.push(unit.workflowState);
      const view = await getReviewOpinions(getDb(), { unitCode: unit.unit.code, fiscalYear: 2020 });
      const levels: OpinionLevel[] =
        unit.workflowState === 'approved'
          ? ['department', 'bureau']
          : unit.workflowState === 'department-reviewed'
            ? ['department']
            : [];
      expect(view.round).toBe(1);
      expect(view.history).toHaveLength(levels.length * (unit.document.projects.length + 1));
      const implied = impliedOpinions(unit);
      for (const level of levels) {
        const forms = view.items.map((item) => item[level]!);
        expect(blockingItems(view.items, forms, level)).toEqual([]);
        expect(forms.map((f) => [f.projectCode, f.overall, f.appropriateness, f.consultationNote ?? null])).toEqual(
          implied
            .filter((o) => o.level === level)
            .map((o) => [o.projectCode, o.grades.overall, o.grades.appropriateness, o.consultationNote]),
        );
      }
      for (const level of (['department', 'bureau'] as const).filter((l) => !levels.includes(l)))
        expect(view.items.every((item) => item[level] === null)).toBe(true);
    }
    expect(states).toEqual(['approved', 'approved', 'department-reviewed']);
  });

  it('leaves the bureau’s read model current: one fresh summary per generated unit-year', async () => {
    const rows = await getDb().kysely.selectFrom('unit_year_summaries').select(['stale']).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.stale === false)).toBe(true);
  });

  it('replaces, not duplicates, when run again (even over approved targets)', async () => {
    const forms = await getDb().kysely.selectFrom('review_opinions').select('id').execute();
    const again = await generateIntoDatabase(getDb(), options);
    expect(again).toEqual(summary);
    expect(await getDb().kysely.selectFrom('review_opinions').select('id').execute()).toHaveLength(forms.length);
    const unit = generateUnit(options, 0);
    expect((await getTargets(getDb(), { unitCode: unit.unit.code, fiscalYear: 2020 })).document).toEqual(unit.document);
  });
});

describeEachEngine('generateToDirectory', (getDb) => {
  let dir: string;
  beforeAll(async () => {
    await clearDatabase(getDb());
    dir = await mkdtemp(join(tmpdir(), 'jixiao-generate-'));
    await generateToDirectory(dir, options);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('writes files the real importer, payments import and scorer accept', async () => {
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(
      ['801001', '801002', '801003']
        .flatMap((c) => [`${c}.actuals.json`, `${c}.json`, `${c}.payments.csv`])
        .concat('organisations.json')
        .sort(),
    );
    const tree = JSON.parse(await readFile(join(dir, 'organisations.json'), 'utf8'));
    expect(tree.units.map((u: { code: string }) => u.code)).toEqual(['801001', '801002', '801003']);
    for (const unit of generateUnits(options)) {
      const code = unit.unit.code;
      const content = await readFile(join(dir, `${code}.json`));
      const imported = await importFile(getDb(), SYSTEM_ACTOR, { content, fileName: `${code}.json`, fiscalYear: 2020 });
      expect(imported.projects).toBe(4);
      expect((await getTargets(getDb(), { unitCode: code, fiscalYear: 2020 })).document).toEqual(unit.document);
      await importPayments(getDb(), SYSTEM_ACTOR, {
        unitCode: code,
        fiscalYear: 2020,
        fileName: `${code}.payments.csv`,
        content: await readFile(join(dir, `${code}.payments.csv`)),
        columns: { projectCode: '项目编码', date: '支付日期', amount: '金额', source: '资金来源' },
      });
      const monitoring = await getUnitMonitoring(getDb(), {
        unitCode: code,
        fiscalYear: 2020,
        asOfMonth: 12,
        today: '2021-01-20',
      });
      const spent = unit.monitoring.spending.reduce((sum, s) => sum + BigInt(s.amount.replace('.', '')), 0n);
      expect(BigInt(monitoring.totals.spentToDate.replace('.', ''))).toBe(spent);
      const score = await scoreActuals({
        targets: { content, fileName: `${code}.json` },
        actuals: { content: await readFile(join(dir, `${code}.actuals.json`)), fileName: `${code}.actuals.json` },
      });
      expect(score.projects).toHaveLength(4);
      expect(score.incomplete).toBe(false);
    }
  });
});
