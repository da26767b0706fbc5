import type { FindingDto } from '../../contract/review.ts';
import type { ReviewOpinionsView } from '../../contract/review-opinions.ts';
import type { OpinionGrade, OpinionLevel } from '../../domain/review/opinion.ts';
import type { WorkflowAction } from '../../domain/workflow/states.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Translate } from '../i18n/i18n.tsx';

/**
 * The pure rules of the 审核意见表 on the page (财预〔2015〕88号): what each result means, when the
 * consultation note is asked for, how a finding becomes a line of the opinion, and why a step waits.
 */

export type OpinionItemView = ReviewOpinionsView['items'][number];

/** 优：可进入预算编制；良：协商调整后确定；中：退回修改后重新报送；差：不得进入预算编制. */
export function consequenceKey(grade: OpinionGrade): MessageKey {
  return `opinion.consequence.${grade}`;
}

/** 良 is finalised only after consultation with the unit, and the note records it. */
export function needsConsultation(grade: OpinionGrade | undefined): boolean {
  return grade === '良';
}

/** The key an item's form carries in the DOM and in the page's open panel: the code, or 'overall'. */
export function itemDomKey(projectCode: string | null): string {
  return projectCode ?? 'overall';
}

/** Column words for the path's field names; null: a container whose name adds nothing ('budget.total' is 预算数). */
const FIELD_KEYS: Partial<Record<string, MessageKey | null>> = {
  level1: 'table.level1',
  level2: 'table.level2',
  level3: 'table.level3',
  target: 'table.target',
  basis: 'table.basis',
  description: 'table.description',
  budget: 'table.budget',
  spendingPlan: 'table.spendingPlan',
  goals: 'table.goals',
  purpose: 'editor.purpose',
  name: 'table.projectName',
  code: 'table.projectCode',
  projectCode: 'table.projectCode',
  cumulativePercent: 'editor.percent',
  month: 'editor.month',
  fiscal: 'table.fiscal',
  other: 'table.other',
  measures: 'dept.measures',
  total: null,
  items: null,
  label: null,
};

/**
 * Where a finding points, in words: ['indicators', 1, 'target'] → "第2个指标 · 指标值". The department's
 * paths start with 'overall'; that head is the item itself and is left out.
 */
export function findingLocation(path: FindingDto['path'], t: Translate): string {
  const parts: string[] = [];
  const rest = path[0] === 'overall' ? path.slice(1) : path;
  for (let i = 0; i < rest.length; i += 1) {
    const step = rest[i]!;
    const next = rest[i + 1];
    if (step === 'indicators' && typeof next === 'number') {
      parts.push(t('workflow.indicatorN', { n: next + 1 }));
      i += 1;
    } else if (typeof step === 'number') {
      parts.push(t('opinion.entryN', { n: step + 1 }));
    } else if (step === 'name' && rest[0] === 'indicators') {
      parts.push(t('table.level3'));
    } else {
      const key = FIELD_KEYS[step];
      if (key !== null) parts.push(key === undefined ? step : t(key));
    }
  }
  return parts.join(' · ');
}

/** The line a finding adds to the opinion: "【第2个指标 · 指标值】指标值无法解析". */
export function findingLine(location: string, message: string): string {
  return location === '' ? message : `【${location}】${message}`;
}

/** The opinion with `line` appended on a line of its own; a line already there is not added twice. */
export function appendLine(opinion: string | undefined, line: string): string {
  const text = (opinion ?? '').replace(/\s+$/, '');
  if (text.split('\n').some((existing) => existing.trim() === line.trim())) return text;
  return text === '' ? line : `${text}\n${line}`;
}

/** The findings of one item (a project, or the overall targets when null). */
export function findingsOf<F extends Pick<FindingDto, 'project'>>(findings: readonly F[], projectCode: string | null) {
  return findings.filter((finding) => finding.project === projectCode);
}

/** The step the opinion forms gate: the department's 审核通过 and the bureau's 批复. */
export function isGatedAction(action: WorkflowAction): action is 'review' | 'approve' {
  return action === 'review' || action === 'approve';
}

/** History grouped by round (newest first) then level (department before bureau), each list newest first. */
export function historyByRound<H extends { round: number; level: OpinionLevel }>(
  history: readonly H[],
): { round: number; level: OpinionLevel; forms: H[] }[] {
  const groups: { round: number; level: OpinionLevel; forms: H[] }[] = [];
  for (const form of history) {
    const group = groups.find((g) => g.round === form.round && g.level === form.level);
    if (group) group.forms.push(form);
    else groups.push({ round: form.round, level: form.level, forms: [form] });
  }
  return groups.sort((a, b) => b.round - a.round || (a.level === b.level ? 0 : a.level === 'department' ? -1 : 1));
}
