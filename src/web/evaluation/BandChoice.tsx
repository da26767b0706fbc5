import { Button, InputNumber, Input, Select, Space, Typography } from 'antd';
import type { Evaluation } from '../../contract/evaluation.ts';
import { fractionOfPercentQuestion } from '../../domain/scoring/index.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { BANDS, type IndicatorDraft, answerFraction, chooseBand } from './draft.ts';

type Result = Evaluation['projects'][number]['score']['indicators'][number];

interface Props {
  name: string;
  result: Result;
  draft: IndicatorDraft;
  readOnly: boolean;
  onChange: (change: Partial<IndicatorDraft>) => void;
}

/**
 * The evaluator's say on one indicator (财预〔2020〕10号): the band 达成 / 部分达成 / 未达成 and the score
 * inside it with a reason, for a qualitative or no-number indicator; or the answer to "是否指 95%？".
 */
export function BandChoice({ name, result, draft, readOnly, onChange }: Props) {
  const { t } = useI18n();
  if (result.decision === 'fraction-of-percent' && !draft.percentConfirmed) {
    const question = fractionOfPercentQuestion(draft.actual);
    return (
      <Space size={4} wrap data-testid={`fraction-${name}`}>
        <Typography.Text type="warning">{question}</Typography.Text>
        <Button size="small" disabled={readOnly} onClick={() => onChange(answerFraction(draft.actual, true))}>
          {t('evaluation.fractionYes')}
        </Button>
        <Button size="small" disabled={readOnly} onClick={() => onChange(answerFraction(draft.actual, false))}>
          {t('evaluation.fractionNo', { value: draft.actual })}
        </Button>
      </Space>
    );
  }
  const judged = draft.band !== null || result.band !== null || result.decision !== null;
  if (!judged || draft.notApplicable) return null;
  const range = draft.band === null || draft.band === result.band ? result.bandRange : null;
  return (
    <div className="evaluation-band">
      <Space size={4} wrap>
        <Select<IndicatorDraftBand>
          size="small"
          aria-label={`${name} ${t('evaluation.band')}`}
          placeholder={result.decision ? t('evaluation.decide') : t('evaluation.band')}
          status={result.decision !== null && draft.band === null ? 'error' : undefined}
          value={draft.band ?? undefined}
          disabled={readOnly}
          style={{ minWidth: 110 }}
          options={BANDS.map((band) => ({ value: band, label: t(`evaluation.band.${band}`) }))}
          onChange={(band) => onChange(chooseBand(band))}
        />
        <InputNumber<number>
          size="small"
          aria-label={`${name} ${t('evaluation.bandPercent')}`}
          placeholder={result.suggestedPercent === null ? '%' : String(result.suggestedPercent)}
          min={range?.min ?? 0}
          max={range?.max ?? 100}
          value={draft.bandPercent}
          disabled={readOnly || draft.band === null}
          onChange={(value) => onChange({ bandPercent: value })}
        />
        {range && (
          <Typography.Text type="secondary">
            {t('evaluation.bandRange', { min: range.min, max: range.max })}
          </Typography.Text>
        )}
      </Space>
      {draft.band !== null && (
        <Input.TextArea
          aria-label={`${name} ${t('evaluation.scoreReason')}`}
          placeholder={t('evaluation.scoreReason')}
          autoSize={{ minRows: 1 }}
          status={draft.scoreReason.trim() === '' ? 'warning' : undefined}
          value={draft.scoreReason}
          disabled={readOnly}
          onChange={(ev) => onChange({ scoreReason: ev.target.value })}
        />
      )}
    </div>
  );
}

type IndicatorDraftBand = NonNullable<IndicatorDraft['band']>;
