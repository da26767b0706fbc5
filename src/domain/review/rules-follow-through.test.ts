import { describe, expect, it } from 'vitest';
import { matchLastYear } from '../results/last-year.ts';
import { reviewTargets } from './index.ts';
import { cleanProject, documentOf } from './test-fixtures.ts';

describe('feasibility.last-year-poor', () => {
  const document = documentOf([cleanProject({ code: 'P-1' }), cleanProject({ code: 'P-2', name: '职工疗休养' })]);
  const lastYear = matchLastYear(document.projects, [
    { code: 'P-1', name: '困难职工帮扶资金', score: 52.5, grade: '差', openNotices: 1 },
    { code: 'OLD-2', name: '职工疗休养', score: 85, grade: '良', openNotices: 0 },
  ]);

  it('flags a project graded 差 last year as an info finding that does not change the grade', () => {
    const report = reviewTargets(document, undefined, [], lastYear);
    const hits = report.findings.filter((f) => f.rule === 'feasibility.last-year-poor');
    expect(hits).toEqual([
      expect.objectContaining({
        project: 'P-1',
        severity: 'info',
        criterion: '可行性',
        message: '该项目上年自评为差（52.5 分），仍有 1 项整改未完成',
      }),
    ]);
    expect(report.grade).toBe(reviewTargets(document).grade);
  });

  it('is silent without last year and for a better grade', () => {
    expect(reviewTargets(document).findings.some((f) => f.rule === 'feasibility.last-year-poor')).toBe(false);
    const good = lastYear.map((m) => ({ ...m, grade: '中' as const }));
    expect(
      reviewTargets(document, undefined, [], good).findings.some((f) => f.rule === 'feasibility.last-year-poor'),
    ).toBe(false);
  });
});
