import { beforeEach, expect, it } from 'vitest';
import { seedOrganisations } from '../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { countQueries } from '../../test/query-counter.ts';
import { documentForUnit, sampleProject } from '../../test/targets-fixtures.ts';
import { listIndicatorPeers } from '../db/indicator-peers.repo.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { reviewTargets } from '../domain/review/index.ts';
import type { Indicator, Project, TargetsDocument } from '../domain/targets.ts';
import { getTargets } from './get-targets.ts';
import { importTargets } from './import-targets.ts';
import { reviewStoredTargets } from './review-stored-targets.ts';

/* The peers of appropriateness.unit-cost (decision 032): last year's same unit, other units of the same bureau. */

const quantity = (name: string, raw: string, value: number, unit: string, level2 = '数量指标'): Indicator => ({
  level1: '产出指标',
  level2,
  name,
  description: '参训人数',
  target: { raw, op: '>=', value, unit },
  basis: '计划标准',
  category: 'output',
});

function project(code: string, total: string, indicators: Indicator[]): Project {
  const [, satisfaction] = sampleProject(code).indicators;
  return sampleProject(code, {
    budget: { total, fiscal: total, other: null },
    indicators: [...indicators, satisfaction!],
  });
}

function document(unitCode: string, projects: Project[]): TargetsDocument {
  return { ...documentForUnit(unitCode, `单位 ${unitCode}`), projects };
}

const people = (n: number) => quantity('培训人数', `≥${n}人`, n, '人');

describeEachEngine('review peers (appropriateness.unit-cost)', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    const load = (unitCode: string, fiscalYear: number, projects: Project[]) =>
      importTargets(getDb(), SYSTEM_ACTOR, { document: document(unitCode, projects), fiscalYear });
    // The unit under review: 60000 元 for 100 people (600 元/人).
    await load('711002', 2020, [project('T-1', '60000.00', [people(100)])]);
    // Its own last year (100 元/人, name written with a space) and a rate of the same name (not a quantity).
    await load('711002', 2019, [
      project('T-0', '10000.00', [quantity('培训 人数', '≥100人', 100, '人')]),
      project('R-0', '10000.00', [quantity('培训人数', '≥90%', 90, '%')]),
    ]);
    // Same bureau (SHG-CZJ), same year: 110 元/人; a 质量指标 of the same name is not a peer; last year is not asked.
    await load('712001', 2020, [
      project('E-1', '11000.00', [people(100)]),
      project('E-2', '5000.00', [quantity('培训人数', '≥100人', 100, '人', '质量指标')]),
    ]);
    await load('712001', 2019, [project('E-0', '1000.00', [people(100)])]);
    // Another bureau (QHD-CZJ): not a peer.
    await load('800001', 2020, [project('W-1', '500.00', [people(100)])]);
    await seedOrganisations(getDb());
  });

  it('reads last year’s same unit and the bureau’s other units of the year, in one statement', async () => {
    const counter = countQueries(getDb());
    const peers = await listIndicatorPeers(counter.db.kysely, {
      unitCode: '711002',
      fiscalYear: 2020,
      names: ['培训人数'],
    });
    expect(counter.count()).toBe(1);
    expect(peers.map((p) => [p.source, p.unitCode, p.fiscalYear, p.projectCode, p.quantity, p.budgetTotal])).toEqual([
      ['bureau', '712001', 2020, 'E-1', 100, '11000.00'],
      ['last-year', '711002', 2019, 'T-0', 100, '10000.00'],
    ]);
    expect(await listIndicatorPeers(getDb().kysely, { unitCode: '711002', fiscalYear: 2020, names: [] })).toEqual([]);
  });

  it('flags the stored project’s cost per unit against them, without changing the grade', async () => {
    const review = await reviewStoredTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    const aids = review.report.findings.filter((f) => f.rule === 'appropriateness.unit-cost');
    expect(aids.map((f) => [f.project, f.path, f.severity])).toEqual([['T-1', ['indicators', 0, 'target'], 'warning']]);
    // 600 元/人 against the median of 100 and 110 (105 元/人): 5.7 times.
    expect(aids[0]!.message).toContain(
      '同类指标中位数 105.00 元/人（本单位上年 1 个、同一财政局其他单位 1 个），为中位数的 5.7 倍',
    );
    // The grade is the one computed without peers (as the bureau summaries compute it).
    const { document: stored } = await getTargets(getDb(), { unitCode: '711002', fiscalYear: 2020 });
    expect(review.report.grade).toBe(reviewTargets(stored).grade);
    expect(reviewTargets(stored).findings.some((f) => f.rule === 'appropriateness.unit-cost')).toBe(false);
  });

  it('stores a project whose 二级 the unit left empty, and the review points at that row', async () => {
    const gap = { ...people(50), level2: '' };
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: document('711002', [project('T-1', '60000.00', [people(100)]), project('G-1', '5000.00', [gap])]),
      fiscalYear: 2021,
    });
    const review = await reviewStoredTargets(getDb(), { unitCode: '711002', fiscalYear: 2021 });
    const missing = review.report.findings.filter((f) => f.rule === 'completeness.indicator-fields');
    expect(missing.map((f) => [f.project, f.path, f.severity])).toEqual([
      ['G-1', ['indicators', 0, 'level2'], 'error'],
    ]);
  });
});
