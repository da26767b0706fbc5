import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { getEvaluation } from './get-evaluation.ts';
import { DEMO_UNIT, DEMO_YEAR, loadDemoDataIfEmpty } from './load-demo-data.ts';
import { scoreActuals } from './score-actuals.ts';
import { scoreStoredUnitYear } from './score-unit-year.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describeEachEngine('demo self-evaluation', (getDb) => {
  beforeAll(async () => {
    await clearDatabase(getDb());
    await loadDemoDataIfEmpty(getDb());
  });

  it('is finalised on first start, on the monitoring year’s money', async () => {
    const view = await getEvaluation(getDb(), { unitCode: DEMO_UNIT, fiscalYear: DEMO_YEAR });
    expect(view).toMatchObject({ status: 'final', incomplete: false, missingAnalysis: [] });
    expect(view.projects.map((p) => [p.code, p.adjustedBudget, p.spent])).toEqual([
      ['711-0701-JBN-PGN6', '20000.00', '19600.00'],
      ['711-0403-JBN-3EQS', '14400.00', '14400.00'],
      ['711-0403-JBN-MQNI', '37800.00', '30240.00'],
      ['711-0701-YSN-2UE1', '32800.00', '32800.00'],
    ]);
  });

  it('scores exactly as `jixiao score` does on the actuals fixture', async () => {
    const fromFiles = await scoreActuals({
      targets: {
        content: await readFile(resolve(ROOT, 'examples/shanhaiguan-2020.txt')),
        fileName: 'shanhaiguan-2020.txt',
      },
      actuals: {
        content: await readFile(resolve(ROOT, 'test/fixtures/shanhaiguan-2020.actuals.json')),
        fileName: 'actuals.json',
      },
    });
    const stored = await scoreStoredUnitYear(getDb(), { unitCode: DEMO_UNIT, fiscalYear: DEMO_YEAR });
    expect(stored.projects).toEqual(fromFiles.projects);
    expect(stored.meanScore).toBe(97.17);
  });
});
