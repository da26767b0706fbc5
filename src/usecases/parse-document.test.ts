import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { SEED_FILE } from '../../test/cli.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import type { EvaluationDocument, MonitoringDocument } from '../domain/table-documents.ts';
import { parseDocumentFile } from './parse-document.ts';
import { parseTargetsFile } from './parse-targets.ts';

const indicator = {
  level1: '产出指标',
  level2: '数量指标',
  name: '维修渠道长度',
  description: '',
  target: { raw: '≥12公里', op: '>=', value: 12, unit: '公里' },
  basis: '',
  category: 'output',
  weight: '20',
} as const;

const execution = {
  planned: '125000.00',
  adjusted: '125000.00',
  executed: '118750.00',
  rate: '95.00%',
  weight: '10',
  score: '9.5',
};

function evaluationDocument(): EvaluationDocument {
  return {
    format: 'jixiao/evaluation@1',
    unit: { code: null, name: '某县农业农村局' },
    fiscalYear: 2023,
    projects: [
      {
        code: 'N-0000000001',
        derivedCode: true,
        name: '农田水利设施维护',
        execution,
        goals: ['维修渠道12公里'],
        goalResults: ['完成维修渠道12.5公里'],
        indicators: [{ ...indicator, actual: '12.5公里', score: '20', deviationReason: null }],
        totalScore: '95.5',
        grade: '优',
      },
    ],
  };
}

function monitoringDocument(): MonitoringDocument {
  return {
    format: 'jixiao/monitoring@1',
    unit: { code: null, name: '某县农业农村局' },
    asOfMonth: 7,
    projects: [
      {
        code: 'N-0000000001',
        name: '农田水利设施维护',
        execution,
        goals: [],
        indicators: [
          {
            ...indicator,
            progress: '7公里',
            expected: '12公里',
            deviationReason: null,
            likelihood: '确定能',
            correction: null,
          },
        ],
      },
    ],
  };
}

const json = (data: unknown, fileName = 'doc.json') => ({ content: Buffer.from(JSON.stringify(data)), fileName });

describe('parseDocumentFile reads exchange JSON by its format', () => {
  it('reads jixiao/evaluation@1 and jixiao/monitoring@1 as what they are', async () => {
    const evaluation = await parseDocumentFile(json(evaluationDocument()));
    expect(evaluation.kind).toBe('evaluation');
    expect(evaluation.document).toEqual(evaluationDocument());
    const monitoring = await parseDocumentFile({ ...json(monitoringDocument()), fiscalYear: 2023 });
    expect(monitoring).toMatchObject({ kind: 'monitoring', document: { asOfMonth: 7, fiscalYear: 2023 }, tables: [] });
  });

  it('reads targets@1 without a unit code as a unit stated by name', async () => {
    const { unit: _unit, ...rest } = seedDocument();
    const parsed = await parseDocumentFile(json({ ...rest, unit: { name: '某县农业农村局' } }));
    expect(parsed.kind).toBe('targets');
    expect(parsed.document.unit).toEqual({ code: null, name: '某县农业农村局' });
  });

  it('names the format a document fails, and checks the year of any kind', async () => {
    const broken = { ...evaluationDocument(), projects: [{ name: '缺少预算执行' }] };
    const error = await expectAppError(parseDocumentFile(json(broken)), 'BAD_INPUT');
    expect(error.message).toMatch(/^不符合 jixiao\/evaluation@1 格式：projects\.0/);
    const year = await expectAppError(
      parseDocumentFile({ ...json(evaluationDocument()), fiscalYear: 2024 }),
      'BAD_INPUT',
    );
    expect(year.message).toBe('文件写明的年度 2023 与指定的年度 2024 不一致');
  });

  it('refuses a 自评表 or 监控表 where targets are needed, saying where it goes', async () => {
    const error = await expectAppError(parseTargetsFile(json(evaluationDocument(), '自评.json')), 'BAD_INPUT');
    expect(error.message).toBe(
      '自评.json 是项目支出绩效自评表，不是绩效目标表；请用命令 jixiao import 将其导入为该年度的自评，或在“绩效自评”页录入',
    );
    const monitoring = await expectAppError(parseTargetsFile(json(monitoringDocument())), 'BAD_INPUT');
    expect(monitoring.message).toContain('监控表');
  });
});

describe('parseDocumentFile reads text in any layout', () => {
  it('keeps reading the seed layout with its strict reader (no tables recognised)', async () => {
    const parsed = await parseDocumentFile({ content: await readFile(SEED_FILE), fileName: 'seed.txt' });
    expect(parsed).toMatchObject({ kind: 'targets', tables: [] });
    expect(parsed.document).toEqual(seedDocument());
  });

  it("gives the seed reader's error for a broken seed document, with its line", async () => {
    const seed = await readFile(SEED_FILE, 'utf8');
    const broken = seed.replace('\t20000.00\n\t其中：财政资金', '\t两万元\n\t其中：财政资金');
    const error = await expectAppError(parseDocumentFile({ content: broken, fileName: 'broken.txt' }), 'BAD_INPUT');
    expect(error.location?.line).toBeGreaterThan(0);
  });

  it('reads a provincial table in 万元 without codes through the table reader, saying what it recognised', async () => {
    const text = [
      '项目支出绩效目标表',
      '单位：万元',
      ['项目名称', '农田水利设施维护', '', ''],
      ['主管部门', '某县农业农村局', '实施单位', '某县农业农村局'],
      ['项目资金', '年度资金总额', '12.5', ''],
      ['', '其中：财政拨款', '10', ''],
      ['', '其他资金', '2.5', ''],
      ['年度绩效目标', '维修渠道12公里，保障灌溉', '', ''],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '维修渠道长度', '≥12公里'],
      ['效益指标', '社会效益指标', '受益农户', '≥300户'],
      ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%'],
    ]
      .map((row) => (Array.isArray(row) ? row.join('\t') : row))
      .join('\n');
    const parsed = await parseDocumentFile({ content: text, fileName: '目标表.txt', fiscalYear: 2024 });
    expect(parsed.kind).toBe('targets');
    if (parsed.kind !== 'targets') return;
    expect(parsed.document.unit.code).toBeNull();
    expect(parsed.document.fiscalYear).toBe(2024);
    const project = parsed.document.projects[0];
    expect(project).toMatchObject({ name: '农田水利设施维护', derivedCode: true });
    expect(project?.budget).toEqual({ total: '125000.00', fiscal: '100000.00', other: '25000.00' });
    expect(project?.indicators.map((item) => item.target.raw)).toEqual(['≥12公里', '≥300户', '≥90%']);
    expect(parsed.tables.find((table) => table.kind === 'project-targets')?.moneyUnit?.unit).toBe('万元');
  });

  it("gives the table reader's error for text that is neither the seed layout nor a performance table", async () => {
    const error = await expectAppError(
      parseDocumentFile({ content: '会议纪要\n今天讨论了绿化工作。\n', fileName: '纪要.txt' }),
      'BAD_INPUT',
    );
    expect(error.message).not.toContain('单位编码');
  });
});
