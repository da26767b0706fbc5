import { App, Button, Input, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { DepartmentEvaluation } from '../../contract/department-evaluation.ts';
import type { Role } from '../../domain/access.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { stepDepartmentEvaluation } from './api.ts';
import { type Form, possibleSteps } from './form-state.ts';

interface Props {
  view: DepartmentEvaluation;
  form: Form;
  role: Role | null;
  onDone: (view: DepartmentEvaluation) => void;
}

/**
 * The reviewers' steps (decision 045): every step the role takes, disabled with the reason when it cannot be
 * taken now; one comment box serves the return's comment, the reopen's and the re-score's reason.
 */
export function ReviewSteps({ view, form, role, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const steps = possibleSteps(view.status, role, text);
  if (steps.length === 0) return null;
  const status = t(`deptEval.status.${view.status}`);
  const act = async (step: (typeof steps)[number]['step']) => {
    setBusy(true);
    try {
      onDone(await stepDepartmentEvaluation(view.unitCode, view.fiscalYear, step, text, form));
      setText('');
      message.success(t('deptEval.done'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const placeholder = t(role === 'department' ? 'deptEval.returnComment' : 'deptEval.reopenReason');
  return (
    <Space wrap className="dept-eval-steps" data-testid="dept-eval-steps">
      <Input
        size="small"
        className="dept-eval-comment"
        aria-label={placeholder}
        placeholder={placeholder}
        value={text}
        onChange={(ev) => setText(ev.target.value)}
        data-testid="dept-eval-comment"
      />
      {steps.map(({ step, why }) => {
        const reason = why === null ? null : t(why, { status });
        const button = (
          <Button
            key={step}
            size="small"
            type={step === 'approve' || step === 'finalise' ? 'primary' : 'default'}
            danger={step === 'return'}
            disabled={why !== null}
            loading={busy}
            onClick={() => act(step)}
            data-testid={`dept-eval-${step}`}
          >
            {t(`deptEval.${step}`)}
          </Button>
        );
        return reason ? (
          <Tooltip key={step} title={reason}>
            <span aria-label={reason}>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
  );
}
