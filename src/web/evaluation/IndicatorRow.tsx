import { Checkbox, Input, Tag, Tooltip } from 'antd';
import type { Evaluation } from '../../contract/evaluation.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { BandChoice } from './BandChoice.tsx';
import type { IndicatorDraft } from './draft.ts';

type Project = Evaluation['projects'][number];

interface Props {
  indicator: Project['indicators'][number];
  result: Project['score']['indicators'][number];
  draft: IndicatorDraft;
  readOnly: boolean;
  onChange: (change: Partial<IndicatorDraft>) => void;
}

export const points = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** One indicator of the 自评表: 年度指标值, 实际完成值 (with the evaluator's band), 分值, 得分, 偏差原因分析. */
export function IndicatorRow({ indicator, result, draft, readOnly, onChange }: Props) {
  const { t } = useI18n();
  const required = result.deviationRequired && !draft.notApplicable;
  const reasonMissing = required && draft.deviationReason.trim() === '';
  const pending = result.decision !== null;
  return (
    <tr data-testid={`indicator-${indicator.name}`}>
      <td>{indicator.level1}</td>
      <td>{indicator.level2}</td>
      <td>{indicator.name}</td>
      <td>{indicator.target}</td>
      <td>
        <Tooltip title={t('evaluation.actualHint')}>
          <Input
            aria-label={`${indicator.name} ${t('evaluation.actual')}`}
            size="small"
            value={draft.actual}
            disabled={readOnly || draft.notApplicable}
            status={result.missing && !draft.notApplicable ? 'warning' : undefined}
            onChange={(ev) => onChange({ actual: ev.target.value, percentConfirmed: false })}
          />
        </Tooltip>
        <Checkbox
          className="evaluation-na"
          checked={draft.notApplicable}
          disabled={readOnly}
          onChange={(ev) => onChange({ notApplicable: ev.target.checked })}
        >
          {t('evaluation.notApplicable')}
        </Checkbox>
        <BandChoice name={indicator.name} result={result} draft={draft} readOnly={readOnly} onChange={onChange} />
        {indicator.recheck && (
          <Tag color="purple" title={indicator.recheck.reason}>
            复核：{indicator.recheck.actual ?? ''}
            {indicator.recheck.band ? t(`evaluation.band.${indicator.recheck.band}`) : ''}（{indicator.recheck.reason}）
          </Tag>
        )}
      </td>
      <td className="num">{result.notApplicable ? '—' : points(result.weight)}</td>
      <td className="num" data-testid="indicator-points">
        {pending ? (
          <Tag color="orange">{t('evaluation.decide')}</Tag>
        ) : result.missing ? (
          <Tag color="orange">{t('evaluation.missing')}</Tag>
        ) : (
          points(result.points)
        )}
        {indicator.recheck && (
          <div className="evaluation-unit-points">
            {t('evaluation.unitPoints', { value: points(indicator.recheck.unitPoints) })}
          </div>
        )}
      </td>
      <td>
        <Input.TextArea
          aria-label={`${indicator.name} ${t('evaluation.reason')}`}
          placeholder={required ? t('evaluation.required') : t('evaluation.reason')}
          autoSize={{ minRows: 1 }}
          status={reasonMissing ? 'error' : undefined}
          value={draft.deviationReason}
          disabled={readOnly}
          onChange={(ev) => onChange({ deviationReason: ev.target.value })}
        />
        <Input.TextArea
          aria-label={`${indicator.name} ${t('evaluation.measures')}`}
          placeholder={t('evaluation.measures')}
          autoSize={{ minRows: 1 }}
          value={draft.improvementMeasures}
          disabled={readOnly}
          onChange={(ev) => onChange({ improvementMeasures: ev.target.value })}
        />
      </td>
    </tr>
  );
}
