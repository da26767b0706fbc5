import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import type { Evaluation } from '../../contract/evaluation.ts';
import type { Role } from '../../domain/access.ts';
import { useMayUse } from '../workflow/use-can-edit.ts';
import { useFinalRole } from '../workflow/chain-words.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { finaliseEvaluation, reopenEvaluation, reviewEvaluation } from './api.ts';
import { RecheckForm } from './RecheckForm.tsx';

interface Props {
  evaluation: Evaluation;
  role: Role | null;
  onDone: (evaluation: Evaluation) => void;
}

/**
 * The steps after submission (decision 035): the department approves or returns with a comment; the
 * bureau (or a superior union deciding alone, decision 049) finalises a reviewed 自评表 and reopens one with a
 * reason. The server checks each step again.
 */
export function ProcedureActions({ evaluation, role, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const reviewer = useMayUse('evaluation:review');
  // Who finalises is the chain's last stage (decision 049): the bureau, or a superior union deciding alone.
  const finalRole = useFinalRole(evaluation.unitCode, evaluation.fiscalYear);
  const bureau = role === finalRole || role === 'admin';
  if (!reviewer) return null;
  const { unitCode, fiscalYear: year, status } = evaluation;
  const act = async (work: () => Promise<Evaluation>) => {
    setBusy(true);
    try {
      onDone(await work());
      setText('');
      message.success(t('evaluation.done'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const comment = (placeholder: string) => (
    <Input
      size="small"
      style={{ width: 220 }}
      aria-label={placeholder}
      placeholder={placeholder}
      value={text}
      onChange={(ev) => setText(ev.target.value)}
    />
  );
  if (status === 'submitted') {
    return (
      <Space wrap data-testid="review-actions">
        <Button
          type="primary"
          loading={busy}
          onClick={() => act(() => reviewEvaluation(unitCode, year, 'approve', text))}
        >
          {t('evaluation.approve')}
        </Button>
        {comment(t('evaluation.returnComment'))}
        <Button danger loading={busy} onClick={() => act(() => reviewEvaluation(unitCode, year, 'return', text))}>
          {t('evaluation.return')}
        </Button>
      </Space>
    );
  }
  if (!bureau || (status !== 'reviewed' && status !== 'final')) return null;
  return (
    <Space wrap orientation="vertical" data-testid="bureau-actions">
      {status === 'reviewed' && evaluation.recheck && <RecheckForm evaluation={evaluation} onDone={onDone} />}
      <Space wrap>
        {status === 'reviewed' && (
          <Button type="primary" loading={busy} onClick={() => act(() => finaliseEvaluation(unitCode, year))}>
            {t('evaluation.finalise')}
          </Button>
        )}
        {comment(t('evaluation.reopenReason'))}
        <Button loading={busy} onClick={() => act(() => reopenEvaluation(unitCode, year, text))}>
          {t('evaluation.reopen')}
        </Button>
      </Space>
    </Space>
  );
}
