import type { WorkflowState } from '../../domain/workflow/states.ts';
import { CRITERION_LABELS, OPINION_CRITERIA, pendingLevel } from '../../domain/review/opinion.ts';
import type { Translate } from './i18n.tsx';

/**
 * The fixed words of the rules that the data carries in Chinese (decision 042): grades, the four criteria of 88号,
 * warning levels. They are vocabulary, not user data: in English they are translated where they are shown.
 */
export const zhCN = {
  'vocab.grade.优': '优',
  'vocab.grade.良': '良',
  'vocab.grade.中': '中',
  'vocab.grade.差': '差',
  'vocab.grade.未定级': '未定级',
  'vocab.level.提示': '提示',
  'vocab.level.警示': '警示',
  'vocab.level.重点监控': '重点监控',
  'vocab.action.提示': '提示',
  'vocab.action.警示': '警示',
  'vocab.action.纠偏': '纠偏',
  'vocab.action.暂缓拨款': '暂缓拨款',
  'vocab.action.停止拨款': '停止拨款',
  'vocab.reviewLevel.department': '主管部门',
  'vocab.reviewLevel.bureau': '财政部门',
  'vocab.reviewLevel.union': '上级工会',
  'vocab.opinion.notInReview': '当前不在审核环节：绩效目标报送后方可填写审核意见表',
  'vocab.opinion.otherLevel': '当前等待{level}审核，审核意见表由{level}填写',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'vocab.grade.优': 'Excellent',
  'vocab.grade.良': 'Good',
  'vocab.grade.中': 'Fair',
  'vocab.grade.差': 'Poor',
  'vocab.grade.未定级': 'Not graded',
  'vocab.level.提示': 'Notice',
  'vocab.level.警示': 'Warning',
  'vocab.level.重点监控': 'Close watch',
  'vocab.action.提示': 'Notice',
  'vocab.action.警示': 'Warning',
  'vocab.action.纠偏': 'Correction order',
  'vocab.action.暂缓拨款': 'Payments suspended',
  'vocab.action.停止拨款': 'Payments stopped',
  'vocab.reviewLevel.department': 'the supervising department',
  'vocab.reviewLevel.bureau': 'the finance bureau',
  'vocab.reviewLevel.union': 'the superior union',
  'vocab.opinion.notInReview':
    'Not under review now: the opinion forms can be filled in once the targets are submitted',
  'vocab.opinion.otherLevel': 'Waiting for review by {level}: {level} fills in the opinion forms',
};

type Word<Prefix extends string> = keyof typeof zhCN extends infer K
  ? K extends `${Prefix}${infer Rest}`
    ? Rest
    : never
  : never;

function isWord<Prefix extends string>(prefix: Prefix, value: string): value is Word<Prefix> {
  return `${prefix}${value}` in zhCN;
}

/** 优 → "Excellent" in English; anything else as it is. */
export function gradeText(grade: string | null | undefined, t: Translate): string {
  if (grade == null) return '';
  return isWord('vocab.grade.', grade) ? t(`vocab.grade.${grade}`) : grade;
}

/** 提示 / 警示 / 重点监控 in the user's language; anything else as it is. */
export function warningLevelText(level: string, t: Translate): string {
  return isWord('vocab.level.', level) ? t(`vocab.level.${level}`) : level;
}

/** A monitoring action's kind (提示 / 警示 / 纠偏 / 暂缓拨款 / 停止拨款, 136号) in the user's language; anything else as it is. */
export function actionKindText(kind: string, t: Translate): string {
  return isWord('vocab.action.', kind) ? t(`vocab.action.${kind}`) : kind;
}

/** A finding's criterion as the rules name it (完整性 …) in the user's language. */
export function criterionText(criterion: string, t: Translate): string {
  const key = OPINION_CRITERIA.find((name) => CRITERION_LABELS[name] === criterion);
  return key ? t(`opinion.criterion.${key}`) : criterion;
}

/**
 * Why the user records no 审核意见表 now, worded here from the state the server sends (its `recordBlockedReason` is
 * the same sentence in Chinese only).
 */
export function opinionBlockedText(view: OpinionBlockedView, t: Translate): string {
  // The chain decides who is pending (decision 049): a superior union that decides alone is the last level.
  const level = pendingLevel(view.state, view.hasDepartment, view.finalRole);
  if (level === null) return t('vocab.opinion.notInReview');
  const who = level === 'department' && view.reviewerKind === 'union' ? 'union' : level;
  return t('vocab.opinion.otherLevel', { level: t(`vocab.reviewLevel.${who}`) });
}

interface OpinionBlockedView {
  state: WorkflowState;
  hasDepartment: boolean;
  finalRole?: 'department' | 'bureau' | null;
  reviewerKind?: string | null;
}
