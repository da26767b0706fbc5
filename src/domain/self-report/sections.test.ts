import { describe, expect, it } from 'vitest';
import { buildSelfReport } from './report.ts';
import { indicatorFacts, projectFacts, reportFacts } from './test-fixtures.ts';
import { type NoticeFacts, SECTION_HEADINGS } from './types.ts';

const NOTICE: NoticeFacts = {
  projectCode: 'P001',
  problem: '帮扶覆盖率 80%，低于目标 95%',
  requirement: '补齐帮扶台账',
  deadline: '2027-03-31',
  state: '待整改',
  reply: null,
};

const project = (facts = reportFacts()) => buildSelfReport(facts, { project: 'P001' }, new Map());
const textOf = (report: ReturnType<typeof project>, key: string) => report.sections.find((s) => s.key === key)!.text;

/** The generator's own words: Chinese that is neither one of these characters nor taken from the facts is invented. */
const FIXED_CHARS =
  '元分个项目年度其中财政资金其他调整后预算用途绩效目标全年执行率设置指标已完成未各情况如下实际值得权重评价等级为自填写偏差原因' +
  '分析存在的问题及改进措施本按规定在下一安排中予以重点审核并对限期整改结果作参考具体应用尚数据不完整部门整体支出均间之现需要发' +
  '明显纳入平合计最低无良优差定级码初编共或通知下达问题要求期限状态答复关于中已销号待单位';

describe('the project 自评报告 text', () => {
  it('states the figures: budget by source, execution, each indicator target vs actual, score and grade', () => {
    const report = project();
    expect(report.title).toBe('山海关区总工会2026年度“困难职工帮扶”项目绩效自评报告');
    expect(report.sections.map((s) => s.heading)).toEqual(Object.values(SECTION_HEADINGS));
    expect(textOf(report, 'basics')).toContain('年初预算 100000.00 元，其中财政资金 80000.00 元、其他资金 20000.00 元');
    expect(textOf(report, 'basics')).toContain('项目资金用途：用于困难职工生活救助。');
    const goals = textOf(report, 'goals');
    expect(goals).toContain('全年执行 85000.00 元，预算执行率 85.00%。');
    expect(goals).toContain(
      '质量指标“帮扶覆盖率”：目标值 ≥95%，实际完成值 80%，得分 12.50 分（权重 20.00 分），未完成目标。',
    );
    expect(goals).toContain('项目自评得分 82.50 分，评价等级为“良”。');
    expect(textOf(report, 'deviation')).toContain('预算执行率为 85.00%，原因：部分资金年底未支付。');
    expect(textOf(report, 'deviation')).toContain('偏差原因：部分职工信息更新滞后。');
    expect(textOf(report, 'improvement')).toBe('“帮扶覆盖率”：建立动态台账。');
    expect(textOf(report, 'results')).toContain('评价结果作为下一年度预算安排的参考');
  });

  it('says 未填写 for every missing fact instead of guessing', () => {
    const facts = reportFacts({
      projects: [
        projectFacts({
          purpose: '',
          goals: [],
          budget: { total: null, fiscal: null, other: null },
          executionRate: 50,
          executionReason: '',
          indicators: [indicatorFacts({ actual: null, points: 0, met: false, deviationReason: '' })],
        }),
      ],
    });
    const report = project(facts);
    expect(textOf(report, 'basics')).toContain('年初预算 未填写，其中财政资金 未填写、其他资金 未填写');
    expect(textOf(report, 'basics')).toContain('项目资金用途：未填写。');
    expect(textOf(report, 'goals')).toContain('年度绩效目标：未填写。');
    expect(textOf(report, 'deviation')).toContain('预算执行率为 50.00%，原因：未填写。');
    expect(textOf(report, 'deviation')).toContain('实际完成值 未填写，偏差原因：未填写。');
    expect(textOf(report, 'improvement')).toBe('“慰问职工人数”：未填写。');
  });

  it('writes no Chinese beyond its fixed words and the facts', () => {
    const facts = reportFacts({
      notices: [NOTICE, { ...NOTICE, projectCode: null, state: '已销号', reply: '已补录' }],
    });
    const report = project(facts);
    const factWords = [
      facts.unitName,
      ...facts.overallGoals,
      ...facts.projects.flatMap((p) => [
        p.name,
        p.purpose,
        p.executionReason,
        ...p.goals,
        ...p.indicators.flatMap((i) => [
          i.name,
          i.level2,
          i.target,
          i.actual ?? '',
          i.deviationReason,
          i.improvementMeasures,
        ]),
      ]),
      ...(facts.notices ?? []).flatMap((n) => [n.problem, n.requirement, n.reply ?? '']),
    ].filter((w) => w !== '');
    const department = buildSelfReport(facts, null, new Map());
    for (const section of [...report.sections, ...department.sections]) {
      let rest = section.text;
      for (const word of [...factWords].sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
      const invented = [...rest].filter((c) => /\p{Script=Han}/u.test(c) && !FIXED_CHARS.includes(c));
      expect(invented.join(''), section.key).toBe('');
    }
  });

  it('an edited section prints the edit and keeps the generated text beside it', () => {
    const edited = buildSelfReport(
      reportFacts(),
      { project: 'P001' },
      new Map([['results', { text: '下一年度预算压减 10%。', version: 2, updatedBy: 'u', updatedAt: '' }]]),
    );
    const results = edited.sections.find((s) => s.key === 'results')!;
    expect(results).toMatchObject({ text: '下一年度预算压减 10%。', edited: true, version: 2 });
    expect(results.generated).toContain('具体应用措施：未填写。');
  });

  it('states the project’s 整改通知 in 结果应用: problem, requirement, deadline, state, reply', () => {
    const other = { ...NOTICE, projectCode: 'P002', problem: '别的项目' };
    const text = textOf(project(reportFacts({ notices: [NOTICE, other] })), 'results');
    expect(text).toContain(
      '整改通知：问题：帮扶覆盖率 80%，低于目标 95%；整改要求：补齐帮扶台账；整改期限：2027-03-31；状态：待整改；单位答复：未填写。',
    );
    expect(text).not.toContain('别的项目');
    expect(textOf(project(reportFacts({ notices: [other] })), 'results')).toContain('整改通知：本年度未下达整改通知。');
  });

  it('a report frozen before notices were read prints as it did', () => {
    const text = textOf(project(reportFacts()), 'results');
    expect(text).not.toContain('整改通知');
    expect(text.split('\n')).toHaveLength(2);
  });

  it('refuses a project the unit-year does not have', () => {
    expect(() => buildSelfReport(reportFacts(), { project: 'NOPE' }, new Map())).toThrow(/没有编码为 NOPE 的项目/);
  });
});

describe('the department 自评报告 text', () => {
  const second = projectFacts({
    code: 'P002',
    name: '职工体检',
    budget: { total: '50000.00', fiscal: '50000.00', other: null },
    adjustedBudget: '50000.00',
    spent: '50000.00',
    executionRate: 100,
    score: 55,
    grade: '差',
    indicators: [indicatorFacts({ name: '体检人数', points: 5, met: false, deviationReason: '体检机构停业' })],
  });

  it('sums the projects, counts grades, names the weakest indicators and the 中/差 projects', () => {
    const facts = reportFacts({ projects: [projectFacts(), second], meanScore: 68.75 });
    const report = buildSelfReport(facts, null, new Map());
    expect(report.title).toBe('山海关区总工会2026年度部门绩效自评报告');
    expect(textOf(report, 'basics')).toContain(
      '项目共 2 个，年初预算合计 150000.00 元，其中财政资金 130000.00 元、其他资金 20000.00 元',
    );
    expect(textOf(report, 'goals')).toContain('全年执行合计 135000.00 元，预算执行率 90.00%。');
    expect(textOf(report, 'goals')).toContain('优 0 个、良 1 个、中 0 个、差 1 个，未定级 0 个');
    expect(textOf(report, 'goals')).toContain('部门整体支出绩效自评：未填写。');
    expect(textOf(report, 'goals')).toMatch(/得分率最低的指标：“职工体检”的“体检人数”.*；“困难职工帮扶”的“帮扶覆盖率”/);
    expect(textOf(report, 'results')).toContain('“职工体检”（差）');
    expect(report.completion).toEqual([
      { label: '困难职工帮扶', percent: 82.5, missed: false },
      { label: '职工体检', percent: 55, missed: true },
    ]);
  });

  it('lists every 整改通知 of the unit-year, naming the project one is about', () => {
    const notices = [
      { ...NOTICE, projectCode: null },
      { ...NOTICE, projectCode: 'P002', reply: '已更换体检机构', state: '已整改' as const },
    ];
    const report = buildSelfReport(reportFacts({ projects: [projectFacts(), second], notices }), null, new Map());
    const text = textOf(report, 'results');
    expect(text).toContain('整改通知（1）：问题：帮扶覆盖率 80%');
    expect(text).toContain('整改通知（2）：关于“职工体检”，问题：');
    expect(text).toContain('状态：已整改；单位答复：已更换体检机构。');
  });

  it('states the 部门整体支出绩效自评 total and grade when it exists', () => {
    const report = buildSelfReport(reportFacts({ department: { total: 91.2, grade: '优' } }), null, new Map());
    expect(textOf(report, 'goals')).toContain('部门整体支出绩效自评得分 91.20 分，评价等级为“优”。');
  });

  it('weights the department spending chart by each project’s adjusted budget', () => {
    const report = buildSelfReport(reportFacts({ projects: [projectFacts(), second] }), null, new Map());
    // Only P001 has a spending plan: P002 has the fixture's too, 100000 + 50000 weights.
    expect(report.spending[0]).toEqual({ month: 6, plannedPercent: 50, actualPercent: 40 });
  });
});
