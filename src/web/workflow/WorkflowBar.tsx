import { App, Alert, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Project } from '../../contract/targets.ts';
import type { WorkflowView } from '../../contract/workflow.ts';
import type { WorkflowAction, WorkflowState } from '../../domain/workflow/states.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchWorkflow, takeStep, type TransitionBody } from './api.ts';
import { CompareApproved } from './CompareApproved.tsx';
import { OpinionBlockingList, useOpinionBlocking } from './OpinionBlocking.tsx';
import { isGatedAction, stepBlockedReason } from '../review/opinion-logic.ts';
import { StepDialog } from './StepDialog.tsx';
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

  if (!data) return error !== undefined ? <LoadError error={error} onRetry={reload} /> : null;

  const confirm = async (body: TransitionBody) => {
    const step = action!;
    await takeStep(unitCode, year, step, { ...body, expectedStateVersion: data.stateVersion });
    setAction(null);
    message.success(t(`workflow.done.${step}`));
    reload();
    onChange?.();
  };

  return (
    <Card
      className="page-card workflow-bar"
      data-testid="workflow-bar"
      title={t('workflow.title')}
      extra={<Actions view={data} blocking={blocking} onPick={setAction} />}
    >
      <Space wrap>
        <Tag color={STATE_COLORS[data.state]} data-testid="workflow-state">
          {t(`workflow.state.${data.state}`)}
        </Tag>
        <Typography.Text type={data.editable ? 'success' : 'secondary'}>
          {data.editable ? t('workflow.editable') : t('workflow.locked')}
        </Typography.Text>
      </Space>
      {gated && blocking && <OpinionBlockingList unitCode={unitCode} year={year} blocking={blocking} />}
      <OpenAdjustment view={data} />
      <CompareApproved unitCode={unitCode} year={year} view={data} />
      <WorkflowDetails unitCode={unitCode} year={year} view={data} projects={projects} onCommented={reload} />
      <StepDialog action={action} projects={projects} onCancel={() => setAction(null)} onConfirm={confirm} />
    </Card>
  );
}

interface ActionsProps {
  view: WorkflowView;
  blocking: Parameters<typeof stepBlockedReason>[1];
  onPick: (action: WorkflowAction) => void;
}

/** The buttons; review and approve stay disabled, with the reason, while an opinion form stops them. */
function Actions({ view, blocking, onPick }: ActionsProps) {
  const { t } = useI18n();
  if (view.allowedActions.length === 0)
    return <Typography.Text type="secondary">{t('workflow.noActions')}</Typography.Text>;
  return (
    <Space>
      {view.allowedActions.map((action) => {
        const refusing = action === 'return' || action === 'reject-adjustment';
        const reason = stepBlockedReason(action, blocking, t);
        return (
          <Tooltip key={action} title={reason}>
            <Button
              type={refusing ? 'default' : 'primary'}
              danger={refusing}
              disabled={reason !== null}
              onClick={() => onPick(action)}
              data-testid={`workflow-${action}`}
            >
              {t(`workflow.action.${action}`)}
            </Button>
          </Tooltip>
        );
      })}
    </Space>
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
