import type { ApprovalChainView, RefusalView } from '../../contract/workflow.ts';
import type { WorkflowAction, WorkflowState } from '../../domain/workflow/states.ts';
import type { Role } from '../../domain/access.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchWorkflow } from './api.ts';
import { refusalText } from './refusal.ts';

/**
 * The workflow's words from the unit-year's approval chain (decision 049): the reviewer stage reads 上级工会审核
 * (a union's unit) or 本部门审核 (a department's own targets) where the default words say 主管部门.
 */
type Variant = 'union' | 'self';

function variantOf(chain: ApprovalChainView | undefined): Variant | null {
  const kind = chain?.stages[0]?.kind;
  return kind === 'union' || kind === 'self' ? kind : null;
}

export function stateText(t: Translate, state: WorkflowState, chain?: ApprovalChainView): string {
  const variant = variantOf(chain);
  if (variant && (state === 'submitted' || state === 'department-reviewed')) {
    return t(`workflow.state.${state}.${variant}`);
  }
  return t(`workflow.state.${state}`);
}

export function actionText(t: Translate, action: WorkflowAction, chain?: ApprovalChainView): string {
  const variant = variantOf(chain);
  return variant && action === 'review' ? t(`workflow.action.review.${variant}`) : t(`workflow.action.${action}`);
}

export function chainRefusalText(reason: RefusalView, t: Translate, chain?: ApprovalChainView): string {
  const variant = variantOf(chain);
  if (variant && (reason.code === 'submitted-department' || reason.code === 'department-reviewed')) {
    return t(`workflow.why.${reason.code}.${variant}`);
  }
  return refusalText(reason, t);
}

/** "上级工会审核（711 …）→ 财政批复（SHG-CZJ …）": who acts, in order; the last stage's decision is final. */
export function chainText(t: Translate, chain: ApprovalChainView): string {
  return chain.stages
    .map((stage, index) => {
      const final = index === chain.stages.length - 1 && stage.kind !== 'bureau' ? t('workflow.stage.final') : '';
      return t('workflow.stageAt', {
        stage: `${t(`workflow.stage.${stage.kind}`)}${final}`,
        org: stage.organisation.name,
      });
    })
    .join(' → ');
}

/**
 * The role that ends the unit-year's chain (finalises its 自评, decision 049): the bureau, or a superior union
 * deciding alone. The bureau until the workflow is read (the server checks each step again anyway).
 */
export function useFinalRole(unitCode: string, year: number): Role | null {
  const { data } = useAsync(() => fetchWorkflow(unitCode, year), `final-role/${unitCode}/${year}`);
  if (!data) return 'bureau';
  return data.chain.stages[data.chain.stages.length - 1]?.role ?? null;
}
