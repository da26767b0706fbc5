import { projectNotFound } from '../not-found.ts';
import { departmentSections } from './department-sections.ts';
import { projectSections } from './project-sections.ts';
import {
  type ProjectFacts,
  type ReportSubject,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type SectionKey,
  type SelfReportFacts,
  type SpendingPoint,
} from './types.ts';

/** A section's stored text in place of the generated one (compare-and-set by `version`). */
export interface SectionOverride {
  text: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface ReportSection {
  key: SectionKey;
  heading: string;
  /** What the data writes; shown beside the edited text and restored by 恢复生成的文字. */
  generated: string;
  /** What the report prints: the override when there is one, else the generated text. */
  text: string;
  edited: boolean;
  /** The override's version (0: none), sent back as the edit's expected version. */
  version: number;
}

/** One item of the indicators' chart: a project's indicator (project report) or a project (department report). */
export interface CompletionItem {
  label: string;
  /** Points as % of the weight (0–100); null: not scored. */
  percent: number | null;
  missed: boolean;
}

export interface SelfReport {
  title: string;
  subject: ReportSubject;
  sections: ReportSection[];
  spending: SpendingPoint[];
  completion: CompletionItem[];
  /** The indicators' table (project report) or the projects' (department report), printed after section 二. */
  projects: ProjectFacts[];
  /** Every project of the unit-year: the reports one may open beside this one. */
  allProjects: { code: string; name: string }[];
}

/** The key the overrides are stored under: the project code, '' for the department report. */
export const subjectKey = (subject: ReportSubject): string => subject?.project ?? '';

export function buildSelfReport(
  facts: SelfReportFacts,
  subject: ReportSubject,
  overrides: ReadonlyMap<SectionKey, SectionOverride>,
): SelfReport {
  const project = subject === null ? null : facts.projects.find((p) => p.code === subject.project);
  if (project === undefined) {
    throw projectNotFound({ unitCode: facts.unitCode, fiscalYear: facts.fiscalYear, projectCode: subject!.project });
  }
  const generated = project === null ? departmentSections(facts) : projectSections(facts, project);
  return {
    title:
      project === null
        ? `${facts.unitName}${facts.fiscalYear}年度部门绩效自评报告`
        : `${facts.unitName}${facts.fiscalYear}年度“${project.name}”项目绩效自评报告`,
    subject,
    sections: SECTION_KEYS.map((key) => {
      const override = overrides.get(key);
      return {
        key,
        heading: SECTION_HEADINGS[key],
        generated: generated[key],
        text: override?.text ?? generated[key],
        edited: override !== undefined,
        version: override?.version ?? 0,
      };
    }),
    spending: project === null ? departmentSpending(facts.projects) : project.spending,
    completion: project === null ? facts.projects.map(projectCompletion) : project.indicators.map(indicatorCompletion),
    projects: project === null ? facts.projects : [project],
    allProjects: facts.projects.map((p) => ({ code: p.code, name: p.name })),
  };
}

function indicatorCompletion(i: ProjectFacts['indicators'][number]): CompletionItem {
  const percent = i.points === null || i.weight === null || i.weight <= 0 ? null : (i.points / i.weight) * 100;
  return { label: i.name, percent: percent === null ? null : round2(percent), missed: i.met === false };
}

function projectCompletion(p: ProjectFacts): CompletionItem {
  return { label: p.name, percent: p.incomplete ? null : p.score, missed: p.grade === '中' || p.grade === '差' };
}

/** The department's plan and spending, each project's percentages weighted by its adjusted budget (a chart's line). */
function departmentSpending(projects: readonly ProjectFacts[]): SpendingPoint[] {
  const months = [...new Set(projects.flatMap((p) => p.spending.map((s) => s.month)))].sort((a, b) => a - b);
  const weighted = (month: number, pick: (s: SpendingPoint) => number | null): number | null => {
    let sum = 0;
    let weight = 0;
    for (const p of projects) {
      const point = p.spending.find((s) => s.month === month);
      const budget = Number(p.adjustedBudget ?? p.budget.total ?? 0);
      const value = point === undefined ? null : pick(point);
      if (value === null || budget <= 0) continue;
      sum += value * budget;
      weight += budget;
    }
    return weight === 0 ? null : round2(sum / weight);
  };
  return months.map((month) => ({
    month,
    plannedPercent: weighted(month, (s) => s.plannedPercent),
    actualPercent: weighted(month, (s) => s.actualPercent),
  }));
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
