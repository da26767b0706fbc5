import { Input, Select, Table } from 'antd';
import type { DepartmentEvaluation } from '../../contract/department-evaluation.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type Form, issueAt, setIndicator } from './form-state.ts';

interface Props {
  view: DepartmentEvaluation;
  form: Form;
  readOnly: boolean;
  issues: { path?: (string | number)[] | undefined; message: string }[];
  onChange: (form: Form) => void;
}

const BANDS = ['achieved', 'partly', 'notAchieved'] as const;
const fixed = (value: number | null | undefined) => (value == null ? '—' : value.toFixed(2));

/** The overall indicators: target, actual (or the evaluator's band for one without a number), points, 偏差原因. */
export function IndicatorSection({ view, form, readOnly, issues, onChange }: Props) {
  const { t } = useI18n();
  const rows = view.indicators.map((indicator, k) => ({ indicator, k, key: `${k}` }));
  const field = (k: number, key: 'actual' | 'deviationReason') => {
    const error = issueAt(issues, ['indicators', k, key]);
    const entry = form.indicators[k];
    const Box = key === 'actual' ? Input : Input.TextArea;
    return (
      <>
        <Box
          size="small"
          aria-label={`${view.indicators[k]!.name} ${t(key === 'actual' ? 'deptEval.actual' : 'deptEval.deviation')}`}
          value={entry?.[key] ?? ''}
          disabled={readOnly}
          status={error ? 'error' : undefined}
          onChange={(ev) => onChange(setIndicator(form, k, { [key]: ev.target.value }))}
          data-testid={`indicator-${k}-${key}`}
        />
        {error && <div className="field-error">{error}</div>}
      </>
    );
  };
  const band = (k: number) => {
    const scored = view.score.performance.indicators[k];
    if (!scored || (scored.decision === null && form.indicators[k]?.band == null)) return null;
    return (
      <Select
        size="small"
        style={{ width: '100%', marginTop: 4 }}
        aria-label={`${view.indicators[k]!.name} ${t('deptEval.band')}`}
        placeholder={t('deptEval.band')}
        disabled={readOnly}
        value={form.indicators[k]?.band ?? undefined}
        options={BANDS.map((b) => ({ value: b, label: t(`deptEval.band.${b}`) }))}
        onChange={(value) => onChange(setIndicator(form, k, { band: value }))}
      />
    );
  };
  if (view.indicators.length === 0) return <p data-testid="dept-eval-no-indicators">{t('deptEval.noIndicators')}</p>;
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 1000 }}
      dataSource={rows}
      data-testid="dept-eval-indicators"
      columns={[
        { title: t('deptEval.level1'), key: 'l1', width: 90, render: (_, r) => r.indicator.level1 },
        { title: t('deptEval.level2'), key: 'l2', width: 100, render: (_, r) => r.indicator.level2 },
        { title: t('deptEval.name'), key: 'name', width: 150, render: (_, r) => r.indicator.name },
        { title: t('deptEval.target'), key: 'target', width: 100, render: (_, r) => r.indicator.target.raw },
        {
          title: t('deptEval.actual'),
          key: 'actual',
          width: 150,
          render: (_, r) => (
            <>
              {field(r.k, 'actual')}
              {band(r.k)}
            </>
          ),
        },
        {
          title: `${t('deptEval.score')} / ${t('deptEval.points')}`,
          key: 'points',
          width: 110,
          render: (_, r) => {
            const part = view.score.weighted.indicators[r.k];
            return `${fixed(part?.points)} / ${fixed(part?.weight)}`;
          },
        },
        { title: t('deptEval.deviation'), key: 'dev', width: 220, render: (_, r) => field(r.k, 'deviationReason') },
      ]}
    />
  );
}
