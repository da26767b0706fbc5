import type { Role } from '../access.ts';
import { AppError } from '../errors.ts';
import type { WorkflowAction, WorkflowState } from '../workflow/states.ts';
import { gradeFindings } from './grade.ts';
import type { ReviewPolicy } from './policy.ts';
import type { Finding, Grade } from './types.ts';

/**
 * The reviewer's 绩效目标审核意见表 (财预〔2015〕88号, decision 033): a person grades each project and the
 * department's overall targets on the four criteria, writes an opinion and decides an overall result.
 * This module says what a recorded result lets the workflow do; it reads nothing and stores nothing.
 */
export const OPINION_GRADES = ['优', '良', '中', '差'] as const satisfies readonly Grade[];
export type OpinionGrade = (typeof OPINION_GRADES)[number];

/** 主管部门 reviews first, then 财政部门 (the bureau alone when the unit has no department). */
export const OPINION_LEVELS = ['department', 'bureau'] as const;
export type OpinionLevel = (typeof OPINION_LEVELS)[number];

/** 完整性, 相关性, 适当性, 可行性 — the four criteria of 88号, in the form's order. */
export const OPINION_CRITERIA = ['completeness', 'relevance', 'appropriateness', 'feasibility'] as const;
export type OpinionCriterion = (typeof OPINION_CRITERIA)[number];

export const CRITERION_LABELS: Record<OpinionCriterion, string> = {
  completeness: '完整性',
  relevance: '相关性',
  appropriateness: '适当性',
  feasibility: '可行性',
};

export const LEVEL_LABELS: Record<OpinionLevel, string> = {
  department: '主管部门',
  bureau: '财政部门',
};

/** One recorded form, as far as the rules need it. */
export interface OpinionForm {
  projectCode: string | null;
  overall: OpinionGrade;
  consultationNote?: string | null;
}

/** One item the reviewer must judge: a project, or the overall targets (projectCode null). */
export interface OpinionItem {
  projectCode: string | null;
  name: string;
}

export interface OpinionBlock {
  projectCode: string | null;
  name: string;
  reason: string;
}

/** What the overall result lets the document do (88号 三、审核结果的应用). */
export type OpinionConsequence = 'proceed' | 'proceed-after-consultation' | 'return' | 'refuse';

export function consequenceOf(overall: OpinionGrade): OpinionConsequence {
  switch (overall) {
    case '优':
      return 'proceed';
    case '良':
      return 'proceed-after-consultation';
    case '中':
      return 'return';
    case '差':
      return 'refuse';
  }
}

/** Why one item stops the step, or null when its form lets it pass. */
function blockReason(form: OpinionForm | null, level: OpinionLevel): string | null {
  if (form === null) return `尚未填写${LEVEL_LABELS[level]}绩效目标审核意见表`;
  switch (consequenceOf(form.overall)) {
    case 'proceed':
      return null;
    case 'proceed-after-consultation':
      return form.consultationNote?.trim() ? null : '审核结果为“良”，须填写与单位协商调整的情况后方可通过';
    case 'return':
      return '审核结果为“中”：应退回修改后重新报送（财预〔2015〕88号）';
    case 'refuse':
      return '审核结果为“差”：不得进入预算编制，不能批复（财预〔2015〕88号）';
  }
}

/** Key of an item: the project code, or '' for the overall targets. */
export function itemKey(projectCode: string | null): string {
  return projectCode ?? '';
}

/**
 * Every item that stops the pending step at `level`, in the items' order: no form this round,
 * 中 or 差, or 良 without the consultation note. Empty when the step may go ahead.
 */
export function blockingItems(
  items: readonly OpinionItem[],
  forms: readonly OpinionForm[],
  level: OpinionLevel,
): OpinionBlock[] {
  const byItem = new Map(forms.map((form) => [itemKey(form.projectCode), form]));
  const blocks: OpinionBlock[] = [];
  for (const item of items) {
    const reason = blockReason(byItem.get(itemKey(item.projectCode)) ?? null, level);
    if (reason !== null) blocks.push({ projectCode: item.projectCode, name: item.name, reason });
  }
  return blocks;
}

/** The validation of a form's body beyond its shape: 良 needs the consultation note. */
export function formProblem(form: OpinionForm): string | null {
  if (form.overall === '良' && !form.consultationNote?.trim()) {
    return '审核结果为“良”时须填写与单位协商调整的情况';
  }
  return null;
}

/** The name the form shows for the overall targets. */
export const OVERALL_ITEM_NAME = '部门整体绩效目标';

/**
 * The level whose forms a step needs: 'review' needs the department's, 'approve' the final stage's (the
 * bureau's; a superior union's, decision 049, when its decision is final — `finalRole` 'department'); others none.
 */
export function stepLevel(action: WorkflowAction, finalRole?: Role | null): OpinionLevel | null {
  if (action === 'review') return 'department';
  if (action === 'approve') return finalRole === 'department' ? 'department' : 'bureau';
  return null;
}

/** The level the document waits for in `state`, or null when no review is pending. */
export function pendingLevel(
  state: WorkflowState,
  hasDepartment: boolean,
  finalRole?: Role | null,
): OpinionLevel | null {
  if (state === 'submitted') return hasDepartment || finalRole === 'department' ? 'department' : 'bureau';
  if (state === 'department-reviewed') return 'bureau';
  return null;
}

/** Who records at a level; an administrator may stand in for either. */
const LEVEL_ROLE: Record<OpinionLevel, Role> = { department: 'department', bureau: 'bureau' };

/** The level `role` records at now, or the reason it cannot. */
export function recordLevelFor(
  role: Role,
  state: WorkflowState,
  hasDepartment: boolean,
  finalRole?: Role | null,
): { level: OpinionLevel; reason: null } | { level: null; reason: string } {
  const level = pendingLevel(state, hasDepartment, finalRole);
  if (level === null) return { level: null, reason: '当前不在审核环节：绩效目标报送后方可填写审核意见表' };
  if (role !== 'admin' && LEVEL_ROLE[level] !== role) {
    return { level: null, reason: `当前等待${LEVEL_LABELS[level]}审核，审核意见表由${LEVEL_LABELS[level]}填写` };
  }
  return { level, reason: null };
}

/**
 * Refuses a review or approval that the forms do not allow (88号: 中 returned, 差 not budgeted):
 * CONFLICT naming the first blocking item, every blocking item in the issues.
 */
export function assertStepAllowed(
  items: readonly OpinionItem[],
  forms: readonly OpinionForm[],
  level: OpinionLevel,
): void {
  const blocks = blockingItems(items, forms, level);
  const first = blocks[0];
  if (!first) return;
  const issues = blocks.map((b) => ({ field: 'projectCode', message: `${b.name}：${b.reason}` }));
  const more = blocks.length > 1 ? `（另有 ${blocks.length - 1} 项未满足）` : '';
  throw new AppError(
    'CONFLICT',
    `不能通过：${first.name}${first.projectCode ? `（${first.projectCode}）` : ''}${first.reason}${more}`,
    {
      location: { field: 'projectCode', path: ['projectCode', first.projectCode ?? ''] },
      issues,
      details: { blocking: blocks },
    },
  );
}

/**
 * The rules' suggestion per item, shown beside the form (never the result): each item's findings
 * graded alone, so one project's errors do not colour another's.
 */
export function automatedGrades(
  items: readonly OpinionItem[],
  findings: readonly Finding[],
  policy: ReviewPolicy,
): Map<string, Grade> {
  const grades = new Map<string, Grade>();
  for (const item of items) {
    const own = findings.filter((f) => f.project === item.projectCode);
    grades.set(itemKey(item.projectCode), gradeFindings(own, 0, policy));
  }
  return grades;
}
