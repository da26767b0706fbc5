import { Checkbox, Input, Tag, Tooltip } from 'antd';
import type { Evaluation } from '../../contract/evaluation.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatYuan } from '../shared/format.ts';
import type { IndicatorDraft, ProjectDraft } from './draft.ts';
import '../projects/project-table.css';
import './evaluation.css';

type Project = Evaluation['projects'][number];

interface Props {
  project: Project;
  draft: ProjectDraft;
  seq: number;
  readOnly: boolean;
  onIndicator: (index: number, change: Partial<IndicatorDraft>) => void;
  onExecutionReason: (text: string) => void;
}

const points = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** One project's 项目支出绩效自评表, in the official layout: money and execution, then the indicator rows. */
export function EvaluationTable({ project, draft, seq, readOnly, onIndicator, onExecutionReason }: Props) {
  const { t } = useI18n();
  const { score } = project;
  const e = score.execution;
  const rate = e.notApplicable
    ? t('evaluation.notApplicable')
    : e.rate === null
      ? t('evaluation.missing')
      : `${e.rate.toFixed(2)}%`;
  return (
    <section className="project-block evaluation-block" data-testid={`evaluation-${project.code}`}>
      <div className="project-heading">
        <h3>
          {seq}. {project.name}
        </h3>
      </div>
      <table className="official-table evaluation-table">
        <colgroup>
          <col style={{ width: '7%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '6%' }} />
          <col style={{ width: '26%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>{t('evaluation.projectName')}</th>
            <td colSpan={4}>{project.name}</td>
            <th>{t('evaluation.projectCode')}</th>
            <td colSpan={3}>{project.code}</td>
          </tr>
          <tr>
            <th rowSpan={2}>{t('evaluation.funds')}</th>
            <th colSpan={2}>{t('evaluation.initialBudget')}</th>
            <th>{t('evaluation.adjustedBudget')}</th>
            <th>{t('evaluation.spent')}</th>
            <th>{t('evaluation.rate')}</th>
            <th>{t('evaluation.weight')}</th>
            <th>{t('evaluation.points')}</th>
            <th className="evaluation-hint">{t('evaluation.moneyHint')}</th>
          </tr>
          <tr>
            <td colSpan={2} className="num">
              {formatYuan(project.initialBudget)}
            </td>
            <td className="num">{formatYuan(project.adjustedBudget)}</td>
            <td className="num">
              {project.spent === null ? <Tag color="orange">{t('evaluation.missing')}</Tag> : formatYuan(project.spent)}
            </td>
            <td className="num" data-testid="execution-rate">
              {rate}
            </td>
            <td className="num">{points(e.weight)}</td>
            <td className="num">{points(e.points)}</td>
            <td>
              {(e.deviationRequired || draft.executionReason !== '') && (
                <Input.TextArea
                  aria-label={t('evaluation.executionReason')}
                  placeholder={t('evaluation.executionReason')}
                  autoSize={{ minRows: 1 }}
                  status={e.deviationRequired && draft.executionReason.trim() === '' ? 'error' : undefined}
                  value={draft.executionReason}
                  disabled={readOnly}
                  onChange={(ev) => onExecutionReason(ev.target.value)}
                />
              )}
            </td>
          </tr>
          <tr>
            <th rowSpan={project.indicators.length + 1}>绩效指标</th>
            <th>{t('evaluation.level1')}</th>
            <th>{t('evaluation.level2')}</th>
            <th>{t('evaluation.level3')}</th>
            <th>{t('evaluation.target')}</th>
            <th>{t('evaluation.actual')}</th>
            <th>{t('evaluation.weight')}</th>
            <th>{t('evaluation.points')}</th>
            <th>{t('evaluation.deviation')}</th>
          </tr>
          {project.indicators.map((indicator, k) => (
            <IndicatorRow
              key={`${indicator.name}-${k}`}
              indicator={indicator}
              result={score.indicators[k]!}
              draft={draft.indicators[k]!}
              readOnly={readOnly}
              onChange={(change) => onIndicator(k, change)}
            />
          ))}
          <tr className="evaluation-total">
            <th colSpan={6}>{t('evaluation.total')}</th>
            <td className="num">100</td>
            <td className="num" data-testid="project-score">
              {score.score.toFixed(2)}
            </td>
            <td>
              {t('evaluation.grade')}：
              <strong data-testid="project-grade">{score.grade ?? t('evaluation.ungraded')}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

interface RowProps {
  indicator: Project['indicators'][number];
  result: Project['score']['indicators'][number];
  draft: IndicatorDraft;
  readOnly: boolean;
  onChange: (change: Partial<IndicatorDraft>) => void;
}

function IndicatorRow({ indicator, result, draft, readOnly, onChange }: RowProps) {
  const { t } = useI18n();
  const required = result.deviationRequired && !draft.notApplicable;
  const reasonMissing = required && draft.deviationReason.trim() === '';
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
            onChange={(ev) => onChange({ actual: ev.target.value })}
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
      </td>
      <td className="num">{result.notApplicable ? '—' : points(result.weight)}</td>
      <td className="num">
        {result.missing ? <Tag color="orange">{t('evaluation.missing')}</Tag> : points(result.points)}
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
