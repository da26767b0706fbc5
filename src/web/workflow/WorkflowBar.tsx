import { App, Alert, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Project } from '../../contract/targets.ts';
import type { WorkflowView } from '../../contract/workflow.ts';
import type { WorkflowAction, WorkflowState } from '../../domain/workflow/states.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchWorkflow, takeStep, type TransitionBody } from './api.ts';
import { CompareApproved } from './CompareApproved.tsx';
import { OpinionBlockingList, useOpinionBlocking } from './OpinionBlocking.tsx';
import { isGatedAction } from '../review/opinion-logic.ts';
import { opinionsChanged } from '../review/opinion-events.ts';
import { actionText, chainRefusalText, chainText, stateText } from './chain-words.ts';
import { StepDialog } from './StepDialog.tsx';
import { workflowChanged } from './workflow-events.ts';
import { WorkflowDetails } from './WorkflowDetails.tsx';
import './workflow.css';

export const STATE_COLORS: Record<WorkflowState, string> = {
  draft: 'default',
  submitted: 'processing',
  'department-reviewed': 'cyan',
  approved: 'success',
  returned: 'warning',
  'adjustment-requested': 'magenta',
  adjusting: 'purple',
};

interface Props {
  unitCode: string;
  year: number;
  /** The document's projects, so a return comment can point at one of them. */
  projects?: Project[];
  /** Called after a step, so the page can reload what it shows. */
  onChange?: () => void;
}

/**
 * 审核流程: the state, the buttons the signed-in user may press now (the server decides which,
 * from role and state), and the history, comments and version comparison below.
 */
export function WorkflowBar({ unitCode, year, projects = [], onChange }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, error, reload } = useAsync(() => fetchWorkflow(unitCode, year), `${unitCode}/${year}`);
  const [action, setAction] = useState<WorkflowAction | null>(null);
  const gated = data?.allowedActions.some(isGatedAction) ?? false;
  const blocking = useOpinionBlocking(unitCode, year, gated);
  // A saved form may unblock review or approval: the server's reasons are read again.
  useEffect(
    () => opinionsChanged.subscribe((changed) => changed === `${unitCode}/${year}` && reload()),
    [unitCode, year, reload],
  );

  if (!data) return error !== undefined ? <LoadError error={error} onRetry={reload} /> : null;

  const confirm = async (body: TransitionBody) => {
    const step = action!;
    await takeStep(unitCode, year, step, { ...body, expectedStateVersion: data.stateVersion });
    setAction(null);
    message.success(t(`workflow.done.${step}`));
    reload();
    workflowChanged(unitCode, year);
    onChange?.();
  };

  return (
    <Card
      className="page-card workflow-bar"
      data-testid="workflow-bar"
      title={t('workflow.title')}
      extra={<Actions view={data} onPick={setAction} />}
    >
      <Space wrap>
        <Tag color={STATE_COLORS[data.state]} data-testid="workflow-state">
          {stateText(t, data.state, data.chain)}
        </Tag>
        <EditState view={data} />
        <WaitingFor view={data} />
      </Space>
      {data.chain.stages.length > 0 && (
        <Typography.Paragraph type="secondary" className="workflow-chain" data-testid="workflow-chain">
          {t('workflow.chain', { stages: chainText(t, data.chain) })}
        </Typography.Paragraph>
      )}
      {gated && blocking && <OpinionBlockingList unitCode={unitCode} year={year} blocking={blocking} />}
      <OpenAdjustment view={data} />
      <CompareApproved unitCode={unitCode} year={year} view={data} />
      <WorkflowDetails unitCode={unitCode} year={year} view={data} projects={projects} onCommented={reload} />
      <StepDialog
        unitCode={unitCode}
        year={year}
        action={action}
        projects={projects}
        onCancel={() => setAction(null)}
        onConfirm={confirm}
      />
    </Card>
  );
}

interface ActionsProps {
  view: WorkflowView;
  onPick: (action: WorkflowAction) => void;
}

/**
 * The buttons the server lists for this user (issue 17 item 4): a step the role never takes is not
 * there; one the state or the forms forbid now is disabled with the reason as its tooltip.
 */
function Actions({ view, onPick }: ActionsProps) {
  const { t } = useI18n();
  const shown = view.actions.filter((choice) => choice.shown);
  if (shown.length === 0) return <Typography.Text type="secondary">{t('workflow.noActions')}</Typography.Text>;
  return (
    <Space wrap>
      {shown.map(({ action, allowed, reason }) => {
        const refusing = action === 'return' || action === 'reject-adjustment' || action === 'withdraw';
        const why = reason ? chainRefusalText(reason, t, view.chain) : null;
        return (
          <Tooltip key={action} title={why}>
            <Button
              type={refusing ? 'default' : 'primary'}
              danger={refusing && action !== 'withdraw'}
              disabled={!allowed}
              onClick={() => onPick(action)}
              data-testid={`workflow-${action}`}
              data-reason={why ?? undefined}
            >
              {actionText(t, action, view.chain)}
            </Button>
          </Tooltip>
        );
      })}
    </Space>
  );
}

/** 可以修改, or for the unit why not now ("现在不能修改：已报送，等待主管部门审核"). */
function EditState({ view }: { view: WorkflowView }) {
  const { t } = useI18n();
  const { reason } = view.edit;
  const forThisUser = reason !== null && reason.code !== 'role' && reason.code !== 'reach';
  return (
    <Typography.Text type={view.editable ? 'success' : 'secondary'} data-testid="workflow-editable">
      {forThisUser
        ? t('workflow.editLocked', { reason: chainRefusalText(reason, t, view.chain) })
        : view.editable
          ? t('workflow.editable')
          : t('workflow.locked')}
    </Typography.Text>
  );
}

/**
 * A reviewer with nothing to press now reads why in the bar itself (a tooltip is out of reach on a phone):
 * "草稿，尚未报送". The unit reads it in the editing line already.
 */
function WaitingFor({ view }: { view: WorkflowView }) {
  const { t } = useI18n();
  const shown = view.actions.filter((choice) => choice.shown);
  const reason = shown[0]?.reason;
  if (shown.some((choice) => choice.allowed) || !reason || view.edit.reason?.code === reason.code) return null;
  return (
    <Typography.Text type="secondary" data-testid="workflow-why">
      {chainRefusalText(reason, t, view.chain)}
    </Typography.Text>
  );
}

function OpenAdjustment({ view }: { view: WorkflowView }) {
  const { t } = useI18n();
  const open = view.adjustments.find((a) => a.state === 'open');
  if (!open) return null;
  return (
    <Alert
      className="workflow-adjustment"
      type="info"
      showIcon
      title={t('workflow.openAdjustment', { reason: open.reason })}
    />
  );
}
