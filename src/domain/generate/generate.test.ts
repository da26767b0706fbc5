import { describe, expect, it } from 'vitest';
import { parseAmountToCents } from '../money.ts';
import { reviewTargets } from '../review/index.ts';
import { missingDeviationAnalysis, scoreProject } from '../scoring/index.ts';
import { describeTargetKind } from '../target-value.ts';
import { DEFECT_RATES, departmentsFor, generateUnit, generateUnits, type GeneratedUnit } from './index.ts';
import { blockingItems } from '../review/opinion.ts';
import { impliedOpinions } from './opinions.ts';
import { chineseNumber } from './pools.ts';
import { derive, mulberry32 } from './prng.ts';

const small = { units: 4, projectsPerUnit: 6, seed: 7 };
const cents = (amount: string | null) => parseAmountToCents(amount ?? '0') ?? 0n;
/** Projects of the units with at least one finding of the rule. */
const byRuleCount = (units: readonly GeneratedUnit[], rule: string) =>
  units.reduce(
    (n, u) =>
      n +
      new Set(
        reviewTargets(u.document)
          .findings.filter((f) => f.rule === rule)
          .map((f) => f.project),
      ).size,
    0,
  );

describe('generateUnits', () => {
  it('gives identical units for the same seed and different ones for another seed', () => {
    const a = [...generateUnits(small)];
    const b = [...generateUnits(small)];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = [...generateUnits({ ...small, seed: 8 })];
    expect(c[0]!.document.projects.map((p) => p.code)).not.toEqual(a[0]!.document.projects.map((p) => p.code));
  });

  it('produces unit i alone exactly as in the sequence, and is lazy', () => {
    const sequence = [...generateUnits(small)];
    expect(generateUnit(small, 3)).toEqual(sequence[3]);
    // A city of a billion units costs nothing until iterated.
    const iterator = generateUnits({ ...small, units: 1_000_000_000 })[Symbol.iterator]();
    expect(iterator.next().value?.unit.code).toBe('801001');
  });

  it('builds the tree bureau → departments of 50 → units with codes like 801001', () => {
    expect(departmentsFor({ units: 120, seed: 1 }).map((d) => d.code)).toEqual(['801', '802', '803']);
    expect(generateUnit({ ...small, units: 120 }, 0).unit.code).toBe('801001');
    expect(generateUnit({ ...small, units: 120 }, 51)).toMatchObject({
      departmentCode: '802',
      unit: { code: '802002' },
    });
    expect([chineseNumber(1), chineseNumber(10), chineseNumber(12), chineseNumber(20), chineseNumber(35)]).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '三十五',
    ]);
  });

  it('draws uniform numbers in [0, 1), and streams for neighbouring units are unrelated', () => {
    const rng = mulberry32(1);
    const draws = Array.from({ length: 10_000 }, () => rng.next());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 1);
    const first = (i: number) => derive(1, i, 1).next();
    expect(new Set([0, 1, 2, 3, 4].map(first)).size).toBe(5);
  });
});

describe('a generated city (200 units × 25 projects)', () => {
  const units: GeneratedUnit[] = [...generateUnits({ units: 200, projectsPerUnit: 25, seed: 1 })];
  const projects = units.flatMap((u) => u.document.projects);
  const indicators = projects.flatMap((p) => p.indicators);
  const planted = units.flatMap((u) => u.projectDefects);

  it('has about six indicators per project, in every 一级 of the seed and more', () => {
    expect(indicators.length / projects.length).toBeGreaterThan(5.5);
    expect(indicators.length / projects.length).toBeLessThan(6.5);
    const level1 = new Set(indicators.map((i) => i.level1));
    expect([...level1].sort()).toEqual(['产出指标', '成本指标', '效果指标', '效益指标', '满意度指标'].sort());
    const level2 = new Set(indicators.map((i) => i.level2));
    for (const name of [
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '社会效益指标',
      '经济效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
    ])
      expect(level2).toContain(name);
    const kinds = new Set(indicators.map((i) => describeTargetKind(i.target)));
    expect([...kinds].sort()).toEqual(['empty', 'missing-number', 'qualitative', 'quantitative', 'range']);
    const codes = new Set(units.map((u) => u.unit.code));
    expect(codes.size).toBe(200);
  });

  it('plants each defect at about its rate', () => {
    const rate = (count: number, of: number) => count / of;
    expect(rate(planted.filter((d) => d.pastedGoal).length, projects.length)).toBeCloseTo(DEFECT_RATES.pastedGoal, 1);
    expect(rate(planted.filter((d) => d.blankCheckpoint).length, projects.length)).toBeCloseTo(
      DEFECT_RATES.blankCheckpoint,
      1,
    );
    expect(rate(planted.filter((d) => d.effectSynonym).length, projects.length)).toBeCloseTo(
      DEFECT_RATES.effectSynonym,
      1,
    );
    const missing = indicators.filter((i) => ['empty', 'missing-number'].includes(describeTargetKind(i.target))).length;
    expect(rate(missing, indicators.length)).toBeGreaterThan(DEFECT_RATES.missingTarget * 0.6);
    expect(rate(missing, indicators.length)).toBeLessThan(DEFECT_RATES.missingTarget * 1.5);
    const toc = units.filter((u) =>
      u.document.overall.measures.some((m) => m.heading.includes('TC 工作保障措施 \\f A \\l 1')),
    ).length;
    expect(toc).toBe(units.reduce((n, u) => n + u.defects.tocCodes, 0));
    expect(toc).toBeGreaterThan(3);
    expect(toc).toBeLessThan(25);
  });

  it('is what review finds: pasted goals, empty targets, blank checkpoints, the 效果指标 synonym — and little else', () => {
    const byRule = new Map<string, Set<string>>();
    for (const unit of units) {
      for (const finding of reviewTargets(unit.document).findings) {
        const set = byRule.get(finding.rule) ?? new Set<string>();
        set.add(`${unit.unit.code}/${finding.project}`);
        byRule.set(finding.rule, set);
      }
    }
    const plantedKeys = (pick: (d: GeneratedUnit['projectDefects'][number]) => boolean) =>
      new Set(
        units.flatMap((u) =>
          u.document.projects.filter((_, i) => pick(u.projectDefects[i]!)).map((p) => `${u.unit.code}/${p.code}`),
        ),
      );
    const pasted = plantedKeys((d) => d.pastedGoal);
    const goalFindings = byRule.get('relevance.goal-matches-project')!;
    // Every finding is a planted paste; a paste that happens to share a word with the project may pass.
    expect([...goalFindings].every((key) => pasted.has(key))).toBe(true);
    expect(goalFindings.size).toBeGreaterThan(pasted.size * 0.8);
    expect(byRule.get('completeness.spending-plan-filled')).toEqual(plantedKeys((d) => d.blankCheckpoint));
    expect(byRule.get('appropriateness.level1-name')).toEqual(plantedKeys((d) => d.effectSynonym));
    expect(byRule.get('completeness.target-value')!.size).toBeGreaterThan(0);
    const expected = [
      'relevance.goal-matches-project',
      'relevance.indicators-match-project',
      'completeness.spending-plan-filled',
      'appropriateness.level1-name',
      'completeness.target-value',
      'appropriateness.vague-target',
      'appropriateness.overall-quantified',
      'appropriateness.unit-cost',
    ];
    expect([...byRule.keys()].filter((rule) => !expected.includes(rule))).toEqual([]);
  });

  it('prices outputs in proportion to money: the 适当性 aid finds the planted far-off costs', () => {
    let flaggedPlanted = 0;
    let ordinaryFlagged = 0;
    for (const unit of units) {
      const flagged = new Set(
        reviewTargets(unit.document)
          .findings.filter((f) => f.rule === 'appropriateness.unit-cost')
          .map((f) => f.project),
      );
      // The project's 数量指标 comes first; a missing number leaves it unpriced.
      const priced = unit.document.projects.flatMap((p, i) => {
        const count = p.indicators[0]!;
        const key = `${count.name}/${count.target.unit}`;
        return count.target.value === null ? [] : [{ code: p.code, key, planted: unit.projectDefects[i]!.offCost }];
      });
      for (const project of priced) {
        const peers = priced.filter((p) => p.key === project.key && p.code !== project.code);
        if (project.planted && peers.length > 0 && peers.every((p) => !p.planted)) {
          expect(flagged.has(project.code)).toBe(true);
          flaggedPlanted += 1;
        }
        // An ordinary project is flagged only when a planted one among its peers moves their median.
        if (!project.planted && flagged.has(project.code)) {
          expect(peers.some((p) => p.planted)).toBe(true);
          ordinaryFlagged += 1;
        }
      }
    }
    expect(flaggedPlanted).toBeGreaterThan(0);
    expect(byRuleCount(units, 'appropriateness.unit-cost')).toBeLessThan(projects.length * DEFECT_RATES.offCost * 3);
    expect(ordinaryFlagged).toBeLessThan(flaggedPlanted);
  });

  it('draws one cost per unit of each 数量指标 for the city, spread ±40 % (the aid allows 3 times the median)', () => {
    const costs = new Map<string, number[]>();
    units.forEach((unit) =>
      unit.document.projects.forEach((project, i) => {
        const count = project.indicators[0]!;
        if (count.target.value === null || unit.projectDefects[i]!.offCost) return;
        const key = `${count.name}/${count.target.unit}`;
        costs.set(key, [...(costs.get(key) ?? []), Number(cents(project.budget.total)) / count.target.value]);
      }),
    );
    expect(costs.size).toBeGreaterThan(20);
    for (const list of costs.values()) expect(Math.max(...list) / Math.min(...list)).toBeLessThan((1.4 / 0.6) * 1.01);
  });

  it('keeps every budget identity exact and spends in whole 分 that add up to the year-end 执行数', () => {
    for (const unit of units) {
      unit.document.projects.forEach((project, i) => {
        const { total, fiscal, other } = project.budget;
        expect(cents(total)).toBe(cents(fiscal) + cents(other));
        expect(project.spendingPlan.at(-1)).toEqual({ month: 12, cumulativePercent: 100 });
        const actual = unit.actuals.projects[i]!;
        expect(actual.adjustedBudget).toBe(total);
        const recorded = unit.monitoring.spending
          .filter((s) => s.projectCode === project.code)
          .reduce((sum, s) => sum + cents(s.amount), 0n);
        if (unit.monitoring.monthsRecorded === 12) expect(recorded).toBe(cents(actual.spent));
        else expect(recorded <= cents(actual.spent)).toBe(true);
        expect(cents(actual.spent) <= cents(total)).toBe(true);
      });
    }
  });

  it('scores completely, with a reason wherever the scorer asks for one', () => {
    let missed = 0;
    for (const unit of units.slice(0, 60)) {
      unit.document.projects.forEach((project, i) => {
        const actuals = unit.actuals.projects[i]!;
        const score = scoreProject(project, actuals);
        expect(score.indicators.every((s) => !s.missing)).toBe(true);
        // The evaluator's band is given wherever 10号 leaves it to them (a target without its number).
        expect(score.incomplete).toBe(false);
        expect(missingDeviationAnalysis(score, actuals)).toEqual([]);
        missed += score.indicators.filter((s) => s.met === false).length;
      });
    }
    expect(missed).toBeGreaterThan(0);
  });

  it('writes the 审核意见表 each state implies: 优, or 良 with the note on the planted defect’s criterion', () => {
    const levels = { approved: 2, adjusting: 2, 'department-reviewed': 1 } as Record<string, number | undefined>;
    for (const unit of units) {
      const forms = impliedOpinions(unit);
      const items = [
        ...unit.document.projects.map((p) => ({ projectCode: p.code, name: p.name })),
        { projectCode: null, name: '' },
      ];
      expect(forms).toHaveLength((levels[unit.workflowState] ?? 0) * items.length);
      for (const level of ['department', 'bureau'] as const) {
        const atLevel = forms.filter((f) => f.level === level).map((f) => ({ ...f, overall: f.grades.overall }));
        if (atLevel.length > 0) expect(blockingItems(items, atLevel, level)).toEqual([]);
      }
      for (const f of forms.filter((f) => f.projectCode !== null)) {
        const planted = unit.projectDefects[unit.document.projects.findIndex((p) => p.code === f.projectCode)]!;
        expect(f.grades.relevance).toBe(planted.pastedGoal ? '良' : '优');
        expect(f.grades.appropriateness).toBe(planted.offCost ? '良' : '优');
        expect(f.consultationNote !== null).toBe(f.grades.overall === '良');
      }
    }
    const all = units.flatMap(impliedOpinions);
    expect(new Set(all.map((f) => f.grades.overall))).toEqual(new Set(['优', '良']));
  });

  it('mixes workflow states and monitoring answers as a real city would', () => {
    const states = new Set(units.map((u) => u.workflowState));
    expect([...states].sort()).toEqual([
      'adjusting',
      'approved',
      'department-reviewed',
      'draft',
      'returned',
      'submitted',
    ]);
    const progress = units.flatMap((u) => u.monitoring.progress);
    expect(progress.every((p) => p.month === 6)).toBe(true);
    expect(
      progress.filter((p) => p.likelihood !== '确定能').every((p) => p.deviationCategory !== null && p.measures !== ''),
    ).toBe(true);
    expect(new Set(progress.map((p) => p.likelihood)).size).toBe(3);
    expect(units.filter((u) => u.evaluationStatus === null).every((u) => u.monitoring.monthsRecorded < 12)).toBe(true);
  });
});
