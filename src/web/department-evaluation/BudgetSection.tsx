import { Input, Table } from 'antd';
import type { DepartmentEvaluation } from '../../contract/department-evaluation.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type BudgetColumn, type Form, type Source, issueAt, setBudget } from './form-state.ts';

interface Props {
  view: DepartmentEvaluation;
  form: Form;
  readOnly: boolean;
  issues: { path?: (string | number)[] | undefined; message: string }[];
  onChange: (form: Form) => void;
}

const COLUMNS: BudgetColumn[] = ['initial', 'adjusted', 'spent'];
const fixed = (value: number | null, suffix = '') => (value === null ? '—' : `${value.toFixed(2)}${suffix}`);

/** 年度预算执行情况 by source: the figures typed per source, the total, 结转结余 and 执行率 from the last save. */
export function BudgetSection({ view, form, readOnly, issues, onChange }: Props) {
  const { t } = useI18n();
  const execution = view.score.weighted.execution;
  const rows = view.score.budget.map((line) => ({ ...line, key: line.source }));
  const input = (source: Source, column: BudgetColumn) => {
    const error = issueAt(issues, ['budget', source, column]);
    return (
      <>
        <Input
          size="small"
          inputMode="decimal"
          aria-label={`${t(`deptEval.source.${source}`)} ${t(`deptEval.${column}`)}`}
          value={form.budget[source][column] ?? ''}
          disabled={readOnly}
          status={error ? 'error' : undefined}
          onChange={(ev) => onChange(setBudget(form, source, column, ev.target.value))}
          data-testid={`budget-${source}-${column}`}
        />
        {error && <div className="field-error">{error}</div>}
      </>
    );
  };
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={rows}
      data-testid="dept-eval-budget"
      columns={[
        { title: t('deptEval.source'), key: 'source', render: (_, r) => t(`deptEval.source.${r.source}`), width: 130 },
        ...COLUMNS.map((column) => ({
          title: t(`deptEval.${column}`),
          key: column,
          width: 150,
          render: (_: unknown, r: (typeof rows)[number]) =>
            r.source === 'total' ? (r[column] ?? '—') : input(r.source, column),
        })),
        { title: t('deptEval.carryOver'), key: 'carry', width: 120, render: (_, r) => r.carryOver ?? '—' },
        { title: t('deptEval.rate'), key: 'rate', width: 90, render: (_, r) => fixed(r.rate, '%') },
        {
          title: `${t('deptEval.score')} / ${t('deptEval.points')}`,
          key: 'points',
          width: 110,
          render: (_, r) => (r.source === 'total' ? `${fixed(execution.points)} / ${fixed(execution.weight)}` : ''),
        },
      ]}
    />
  );
}
