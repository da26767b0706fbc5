import { Form, Input, Modal, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { Project } from '../../contract/targets.ts';
import type { WorkflowAction } from '../../domain/workflow/states.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import type { TransitionBody } from './api.ts';
import { commentRequired } from './adjustment.ts';
import { parseTarget, targetOptions } from './comment-target.ts';
import { SubmitFindings } from './SubmitFindings.tsx';

interface Props {
  unitCode: string;
  year: number;
  action: WorkflowAction | null;
  projects: Project[];
  onCancel: () => void;
  /** Sends the step; a rejection is shown in the dialog, which stays open. */
  onConfirm: (body: TransitionBody) => Promise<void>;
}

interface Values {
  comment?: string;
  reason?: string;
  /** 'doc' | '<projectCode>' | '<projectCode>#<indicator index>' */
  target?: string;
}

/**
 * The dialog behind each workflow button: a comment (required to return and to refuse an adjustment),
 * a reason (required to request an adjustment). Submitting first shows the automated review's findings
 * and asks "仍要报送" or "返回修改" (issue 17 item 6).
 */
export function StepDialog({ unitCode, year, action, projects, onCancel, onConfirm }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A typed comment or reason is not dropped by Cancel, X, Esc or leaving the page without a question.
  const [dirty, setDirty] = useState(false);
  const { confirmLeave } = useUnsavedChanges(action !== null && dirty);
  const [problems, setProblems] = useState(0);
  const counted = useCallback((n: number) => setProblems(n), []);
  if (action === null) return null;

  const cancel = async () => {
    if (!(await confirmLeave())) return;
    setFailure(null);
    setDirty(false);
    onCancel();
  };

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(toBody(action, values));
      form.resetFields();
      setDirty(false);
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`workflow.action.${action}`)}
      okText={action === 'submit' && problems > 0 ? t('workflow.submit.anyway') : t('workflow.confirm')}
      cancelText={action === 'submit' && problems > 0 ? t('workflow.submit.back') : t('workflow.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => void cancel()}
      destroyOnHidden
    >
      {action === 'submit' && <SubmitFindings unitCode={unitCode} year={year} onCounted={counted} />}
      {action === 'withdraw' && <Typography.Paragraph>{t('workflow.withdrawConfirm')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" preserve={false} onValuesChange={() => setDirty(true)}>
        {action === 'request-adjustment' ? (
          <Form.Item
            name="reason"
            label={t('workflow.reason')}
            extra={t('workflow.reasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('workflow.reasonRequired') }]}
          >
            <Input.TextArea rows={3} data-testid="workflow-reason" />
          </Form.Item>
        ) : (
          <Form.Item
            name="comment"
            label={t('workflow.comment')}
            rules={
              commentRequired(action)
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t(action === 'return' ? 'workflow.commentRequired' : 'workflow.rejectReasonRequired'),
                    },
                  ]
                : []
            }
          >
            <Input.TextArea rows={3} placeholder={t('workflow.commentPlaceholder')} data-testid="workflow-comment" />
          </Form.Item>
        )}
        {action === 'return' && (
          <Form.Item name="target" label={t('workflow.target')} initialValue="doc">
            <Select options={targetOptions(projects, t)} showSearch optionFilterProp="label" />
          </Form.Item>
        )}
      </Form>
      {failure && (
        <Typography.Text type="danger" data-testid="workflow-dialog-error">
          {failure}
        </Typography.Text>
      )}
    </Modal>
  );
}

function toBody(action: WorkflowAction, values: Values): TransitionBody {
  if (action === 'request-adjustment') return { reason: values.reason?.trim() ?? '' };
  const comment = values.comment?.trim() || undefined;
  return action === 'return' ? { comment, ...parseTarget(values.target) } : { comment };
}
