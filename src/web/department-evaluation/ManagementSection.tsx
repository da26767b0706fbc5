import { Input, Table } from 'antd';
import type { DepartmentEvaluation } from '../../contract/department-evaluation.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type Form, issueAt, setManagement } from './form-state.ts';

interface Props {
  view: DepartmentEvaluation;
  form: Form;
  readOnly: boolean;
  issues: { path?: (string | number)[] | undefined; message: string }[];
  onChange: (form: Form) => void;
}

/** The bureau's management items (预算编制, 预算执行, 资产管理, 制度建设 …): guidance, points, the evaluator's score and reason. */
export function ManagementSection({ view, form, readOnly, issues, onChange }: Props) {
  const { t } = useI18n();
  const rows = view.score.management.map((item, i) => ({ item, i, key: item.key }));
  const field = (i: number, key: 'score' | 'reason') => {
    const error = issueAt(issues, ['management', i, key]);
    const Box = key === 'score' ? Input : Input.TextArea;
    return (
      <>
        <Box
          size="small"
          inputMode={key === 'score' ? 'decimal' : undefined}
          aria-label={`${view.score.management[i]!.name} ${t(key === 'score' ? 'deptEval.score' : 'deptEval.reason')}`}
          value={form.management[i]?.[key] ?? ''}
          disabled={readOnly}
          status={error ? 'error' : undefined}
          onChange={(ev) =>
            onChange(
              setManagement(form, i, { [key]: key === 'score' && ev.target.value === '' ? null : ev.target.value }),
            )
          }
          data-testid={`management-${i}-${key}`}
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
      scroll={{ x: 800 }}
      dataSource={rows}
      data-testid="dept-eval-management"
      columns={[
        { title: t('deptEval.management'), key: 'name', width: 100, render: (_, r) => r.item.name },
        { title: t('deptEval.guidance'), key: 'guidance', width: 280, render: (_, r) => r.item.guidance },
        { title: t('deptEval.points'), key: 'points', width: 70, render: (_, r) => r.item.points.toFixed(2) },
        { title: t('deptEval.score'), key: 'score', width: 90, render: (_, r) => field(r.i, 'score') },
        { title: t('deptEval.reason'), key: 'reason', width: 220, render: (_, r) => field(r.i, 'reason') },
      ]}
    />
  );
}
