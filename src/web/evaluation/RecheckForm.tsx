import { App, Button, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import type { Evaluation } from '../../contract/evaluation.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { rescoreEvaluation } from './api.ts';
import { BANDS, type Band } from './draft.ts';

interface Props {
  evaluation: Evaluation;
  onDone: (evaluation: Evaluation) => void;
}

/**
 * The bureau's 复核 re-score of one indicator of a selected 自评表 (decision 035): a new actual and/or
 * band and score, with the reason; the unit's own value stays and is shown beside the bureau's.
 */
export function RecheckForm({ evaluation, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [actual, setActual] = useState('');
  const [band, setBand] = useState<Band | null>(null);
  const [bandPercent, setBandPercent] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const options = evaluation.projects.flatMap((p) =>
    p.indicators.map((i) => ({ value: `${p.code}\u0000${i.name}`, label: `${p.name}：${i.name}` })),
  );
  const send = async () => {
    if (target === undefined) return;
    const [project = '', name = ''] = target.split('\u0000');
    setBusy(true);
    try {
      onDone(
        await rescoreEvaluation(evaluation.unitCode, evaluation.fiscalYear, [
          { project, name, actual: actual.trim() || null, band, bandPercent, reason },
        ]),
      );
      setReason('');
      message.success(t('evaluation.done'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap data-testid="recheck-form">
      <strong>{t('evaluation.recheckTitle')}</strong>
      <Select
        size="small"
        style={{ minWidth: 240 }}
        aria-label={t('evaluation.recheckIndicator')}
        placeholder={t('evaluation.recheckIndicator')}
        options={options}
        value={target}
        onChange={setTarget}
      />
      <Input
        size="small"
        style={{ width: 110 }}
        aria-label={t('evaluation.actual')}
        placeholder={t('evaluation.actual')}
        value={actual}
        onChange={(ev) => setActual(ev.target.value)}
      />
      <Select<Band>
        size="small"
        allowClear
        style={{ minWidth: 100 }}
        aria-label={t('evaluation.band')}
        placeholder={t('evaluation.band')}
        options={BANDS.map((b) => ({ value: b, label: t(`evaluation.band.${b}`) }))}
        value={band ?? undefined}
        onChange={(value) => setBand(value ?? null)}
      />
      <InputNumber<number>
        size="small"
        min={0}
        max={100}
        aria-label={t('evaluation.bandPercent')}
        placeholder="%"
        value={bandPercent}
        disabled={band === null}
        onChange={setBandPercent}
      />
      <Input
        size="small"
        style={{ width: 220 }}
        aria-label={t('evaluation.recheckReason')}
        placeholder={t('evaluation.recheckReason')}
        value={reason}
        onChange={(ev) => setReason(ev.target.value)}
      />
      <Button size="small" type="primary" loading={busy} disabled={target === undefined} onClick={send}>
        {t('evaluation.recheckSave')}
      </Button>
    </Space>
  );
}
