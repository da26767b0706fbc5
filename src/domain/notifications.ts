import type { Actor } from './access.ts';

/**
 * What a step tells the unit (decision 037): which notification kind, its words and the page to act on.
 * The web words each kind in the reader's language; `noticeText` is the Chinese sentence e-mails carry.
 */
export type NoticePage = 'targets' | 'review' | 'monitoring' | 'evaluation' | 'rectification' | 'department-evaluation';
export type NoticeParams = Record<string, string | number | null>;

export interface Notice {
  kind: string;
  params: NoticeParams;
  page: NoticePage;
}

const TRANSITION_KINDS: Partial<Record<string, string>> = {
  return: 'targets-returned',
  review: 'targets-reviewed',
  approve: 'targets-approved',
  'agree-adjustment': 'adjustment-agreed',
  'reject-adjustment': 'adjustment-rejected',
};

const actorName = (actor: Actor) => actor.displayName || actor.username;

/** The notice a workflow step sends the unit, or null (a submission waits on the reviewers' workbench instead). */
export function noticeOfTransition(action: string, actor: Actor, comment: string): Notice | null {
  const kind = TRANSITION_KINDS[action];
  if (kind === undefined) return null;
  return { kind, params: { by: actorName(actor), comment: comment || null }, page: 'targets' };
}

/** The notice of a 自评 step: returned by the department, or made final by the bureau; null for the others. */
export function noticeOfEvaluationStep(step: string, actor: Actor, comment: string | undefined): Notice | null {
  if (step === 'return')
    return {
      kind: 'evaluation-returned',
      params: { by: actorName(actor), comment: comment ?? null },
      page: 'evaluation',
    };
  if (step === 'finalise') return { kind: 'evaluation-final', params: { by: actorName(actor) }, page: 'evaluation' };
  return null;
}

/** The notice of a 部门整体自评表 step (decision 045): returned, reopened with a reason, or made final. */
export function noticeOfDepartmentEvaluationStep(
  step: string,
  actor: Actor,
  comment: string | undefined,
): Notice | null {
  const params = { by: actorName(actor), comment: comment ?? null };
  if (step === 'return' || step === 'reopen')
    return { kind: 'department-evaluation-returned', params, page: 'department-evaluation' };
  if (step === 'finalise') return { kind: 'department-evaluation-final', params, page: 'department-evaluation' };
  return null;
}

/** The notice of a monitoring action (提示/警示/纠偏/暂缓/停止拨款) the unit must answer by its deadline. */
export function noticeOfMonitoringAction(
  actor: Actor,
  action: { kind: string; body: string; deadline: string; projectCode: string | null },
): Notice {
  return {
    kind: 'monitoring-action',
    params: {
      by: actorName(actor),
      action: action.kind,
      comment: action.body,
      deadline: action.deadline,
      project: action.projectCode,
    },
    page: 'monitoring',
  };
}

/**
 * The notices of a 整改通知 (decision 048): issued and reopened tell the unit, a reply tells the issuer.
 */
export function noticeOfRectification(
  kind: 'rectification-issued' | 'rectification-reopened' | 'rectification-replied',
  actor: Actor,
  notice: {
    id: number;
    body: string;
    deadline: string;
    projectCode: string | null;
    state: string;
    reply?: string | null;
  },
): Notice {
  return {
    kind,
    params: {
      by: actorName(actor),
      id: notice.id,
      comment: kind === 'rectification-replied' ? (notice.reply ?? null) : notice.body,
      deadline: notice.deadline,
      project: notice.projectCode,
      state: notice.state,
    },
    page: 'rectification',
  };
}

const SENTENCES: Record<string, (p: NoticeParams) => string> = {
  'targets-returned': (p) => `绩效目标被${p.by}退回修改${p.comment ? `：${p.comment}` : ''}`,
  'targets-reviewed': (p) => `绩效目标已由${p.by}审核通过，等待财政批复`,
  'targets-approved': (p) => `绩效目标已由${p.by}批复`,
  'adjustment-agreed': (p) => `${p.by}同意调整绩效目标，请修改后重新报送`,
  'adjustment-rejected': (p) => `${p.by}不同意调整绩效目标${p.comment ? `：${p.comment}` : ''}`,
  'evaluation-returned': (p) => `自评表被${p.by}退回修改${p.comment ? `：${p.comment}` : ''}`,
  'evaluation-final': (p) => `自评结果已由${p.by}确认为最终结果`,
  'department-evaluation-returned': (p) => `部门整体自评表被${p.by}退回修改${p.comment ? `：${p.comment}` : ''}`,
  'department-evaluation-final': (p) => `部门整体自评结果已由${p.by}确认为最终结果`,
  'rectification-issued': (p) => `${p.by}下发整改通知：${p.comment}；请于 ${p.deadline} 前整改并回复`,
  'rectification-reopened': (p) => `${p.by}重新打开了整改通知，请继续整改（期限 ${p.deadline}）`,
  'rectification-replied': (p) => `${p.by}回复了整改通知（${p.state}）${p.comment ? `：${p.comment}` : ''}`,
  'disclosure-budget-published': (p) => `${p.by}发布了预算公开（第 ${p.version} 版）`,
  'disclosure-final-published': (p) => `${p.by}发布了决算公开（第 ${p.version} 版）`,
  'disclosure-budget-withdrawn': (p) => `${p.by}撤回了预算公开：${p.comment}`,
  'disclosure-final-withdrawn': (p) => `${p.by}撤回了决算公开：${p.comment}`,
  'monitoring-action': (p) => `${p.by}对监控情况采取措施（${p.action}）：${p.comment}；请于 ${p.deadline} 前整改并回复`,
};

/** The notice as one Chinese sentence, headed by the unit and year (e-mail subject and body). */
export function noticeText(kind: string, params: NoticeParams, unitCode: string, fiscalYear: number): string {
  const sentence = SENTENCES[kind]?.(params) ?? kind;
  return `${unitCode} ${fiscalYear}年度：${sentence}`;
}
