import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, countRows, describeEachEngine } from '../../test/db-engines.ts';
import { documentForUnit } from '../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { deriveProjectCode } from '../domain/codes.ts';
import type { EvaluationDocument } from '../domain/table-documents.ts';
import { getEvaluation } from './get-evaluation.ts';
import { getTargets } from './get-targets.ts';
import { importAnyFile } from './import-any-file.ts';
import { importTargets } from './import-targets.ts';

const PROJECT = '农田水利设施维护';

/** A 自评表 as a provincial table gives it: unit named without code, project without 项目编码, amounts in 元. */
function evaluationFile(actual = '12.5公里'): { content: Uint8Array; fileName: string } {
  const indicator = (name: string, raw: string, level: [string, string], value: string) => ({
    level1: level[0],
    level2: level[1],
    name,
    description: '',
    target: { raw, op: null, value: null, unit: null },
    basis: '',
    category: null,
    weight: '20',
    actual: value,
    score: '20',
    deviationReason: null,
  });
  const document: EvaluationDocument = {
    format: 'jixiao/evaluation@1',
    unit: { code: null, name: '某县农业农村局' },
    fiscalYear: 2023,
    projects: [
      {
        code: deriveProjectCode(PROJECT),
        derivedCode: true,
        name: PROJECT,
        execution: {
          planned: '125000.00',
          adjusted: '125000.00',
          executed: '118750.00',
          rate: '95.00%',
          weight: '10',
          score: '9.5',
        },
        goals: ['维修渠道12公里'],
        goalResults: ['完成维修渠道12.5公里'],
        indicators: [
          indicator('维修渠道长度', '≥12公里', ['产出指标', '数量指标'], actual),
          indicator('农户满意度', '≥90%', ['满意度指标', '服务对象满意度指标'], '93%'),
          indicator('灌溉条件', '明显改善', ['效益指标', '社会效益指标'], '明显改善'),
        ],
        totalScore: '95.5',
        grade: '优',
      },
    ],
  };
  return { content: Buffer.from(JSON.stringify(document)), fileName: '自评表.json' };
}

describeEachEngine('jixiao import of a 项目支出绩效自评表', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit('820001', '某县农业农村局'),
      fiscalYear: 2022,
    });
  });

  it("creates the year's targets from the 自评表 when none are stored, and stores the actuals as its 自评", async () => {
    const result = await importAnyFile(getDb(), SYSTEM_ACTOR, evaluationFile());
    expect(result).toMatchObject({ kind: 'evaluation', unitCode: '820001', fiscalYear: 2023, createdTargets: true });
    const targets = await getTargets(getDb(), { unitCode: '820001', fiscalYear: 2023 });
    expect(targets.document.projects[0]).toMatchObject({
      code: deriveProjectCode(PROJECT),
      name: PROJECT,
      budget: { total: '125000.00' },
    });
    expect(targets.document.projects[0]?.indicators.map((indicator) => indicator.target.raw)).toEqual([
      '≥12公里',
      '≥90%',
      '明显改善',
    ]);
    const evaluation = await getEvaluation(getDb(), { unitCode: '820001', fiscalYear: 2023 });
    expect(evaluation.status).toBe('draft');
    expect(
      evaluation.projects[0]?.indicators.map((indicator) => [indicator.name, indicator.actual, indicator.weight]),
    ).toEqual([
      ['维修渠道长度', '12.5公里', 20],
      ['农户满意度', '93%', 20],
      // A qualitative target repeated as its result is the target met.
      ['灌溉条件', '达到', 20],
    ]);
  });

  it('matches the stored project by name on a second import, and changes nothing when the 自评表 is refused', async () => {
    await importAnyFile(getDb(), SYSTEM_ACTOR, evaluationFile());
    const again = await importAnyFile(getDb(), SYSTEM_ACTOR, evaluationFile('12公里'));
    expect(again).toMatchObject({ kind: 'evaluation', createdTargets: false });
    const evaluation = await getEvaluation(getDb(), { unitCode: '820001', fiscalYear: 2023 });
    expect(evaluation.projects[0]?.indicators[0]?.actual).toBe('12公里');

    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit('820001', '某县农业农村局'),
      fiscalYear: 2022,
    });
    const before = await countRows(getDb());
    // An actual that cannot be read against its target fails the 自评 check: the targets created first are rolled back.
    await expectAppError(importAnyFile(getDb(), SYSTEM_ACTOR, evaluationFile('很多')), 'VALIDATION');
    expect(await countRows(getDb())).toEqual(before);
  });
});
