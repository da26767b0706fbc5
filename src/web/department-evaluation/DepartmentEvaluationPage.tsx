import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Skeleton, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { DepartmentEvaluation } from '../../contract/department-evaluation.ts';
import { navigate } from '../app/router.tsx';
import { useSession } from '../auth/session.ts';
import { useDownload } from '../files/download.ts';
import { ApiError } from '../http/client.ts';
import { errorMessage } from '../http/error-message.ts';
import { issueText } from '../http/issue-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ConflictNotice } from '../shared/ConflictNotice.tsx';
import { isStaleWrite } from '../shared/conflict.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { useMayUse } from '../workflow/use-can-edit.ts';
import { exportUrl, fetchDepartmentEvaluation, saveDepartmentEvaluation } from './api.ts';
import { BudgetSection } from './BudgetSection.tsx';
import { type Form, formOf, issueAt } from './form-state.ts';
import { IndicatorSection } from './IndicatorSection.tsx';
import { ManagementSection } from './ManagementSection.tsx';
import { ReviewSteps } from './ReviewSteps.tsx';
import './department-evaluation.css';

interface Props {
  unitCode: string;
  year: number;
}

/** 部门整体支出绩效自评表 (decision 045): the form, scored by the server on every save, and its procedure. */
export default function DepartmentEvaluationPage(props: Props) {
  return (
    <App>
      <DepartmentEvaluationForm {...props} />
    </App>
  );
}

type Issues = ApiError['issues'];

function DepartmentEvaluationForm({ unitCode, year }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const loaded = useAsync(() => fetchDepartmentEvaluation(unitCode, year), `${unitCode}/${year}`);
  const [view, setView] = useState<DepartmentEvaluation | undefined>(undefined);
  const [form, setForm] = useState<Form | undefined>(undefined);
  const [issues, setIssues] = useState<Issues>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<unknown>(null);
  const { user } = useSession();
  const mayEdit = useMayUse('evaluation:edit');
  const bureau = user?.role === 'bureau' || user?.role === 'admin';

  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    setForm(formOf(loaded.data));
    setConflict(null);
  }, [loaded.data]);
  const dirty = useMemo(
    () => view !== undefined && form !== undefined && JSON.stringify(form) !== JSON.stringify(formOf(view)),
    [form, view],
  );
  useUnsavedChanges(dirty);

  if (!view || !form)
    return loaded.error !== undefined ? (
      <LoadError error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );

  const show = (next: DepartmentEvaluation) => {
    setView(next);
    setForm(formOf(next));
    setIssues([]);
  };
  const save = async (submit: boolean) => {
    setSaving(true);
    setConflict(null);
    try {
      show(await saveDepartmentEvaluation(unitCode, year, view.version, form, submit));
      message.success(t(submit ? 'deptEval.submitted' : 'deptEval.saved'));
    } catch (failure) {
      setIssues(failure instanceof ApiError ? failure.issues : []);
      if (isStaleWrite(failure)) setConflict(failure);
      else message.error(errorMessage(failure, t));
    } finally {
      setSaving(false);
    }
  };

  const editable = mayEdit && (view.status === 'none' || view.status === 'draft');
  // The bureau re-scores a reviewed form in place: its inputs open for the 复核 (the unit's stay stored).
  const rescoring = bureau && view.status === 'reviewed';
  const readOnly = saving || !(editable || rescoring);
  const sections = { view, form, readOnly, issues, onChange: setForm };
  return (
    <div className="dept-eval-page" data-testid="dept-eval-page">
      <Card
        className="page-card"
        title={<span className="dept-title">{t('deptEval.title')}</span>}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'department', unitCode, year })}>
              {t('deptEval.back')}
            </Button>
            <Button onClick={() => navigate({ name: 'evaluation', unitCode, year })}>{t('deptEval.toProjects')}</Button>
            {editable && (
              <Button onClick={() => save(false)} loading={saving} data-testid="dept-eval-save">
                {t('deptEval.save')}
              </Button>
            )}
            {editable && (
              <Button type="primary" onClick={() => save(true)} loading={saving} data-testid="dept-eval-submit">
                {t('deptEval.submit')}
              </Button>
            )}
          </Space>
        }
      >
        <Summary view={view} />
        <Downloads unitCode={unitCode} year={year} />
        <ReviewSteps view={view} form={form} role={user?.role ?? null} onDone={show} />
        {view.reviewComment !== '' && (
          <Alert
            type="warning"
            showIcon
            title={`${t('deptEval.reviewComment')}：${view.reviewComment}`}
            data-testid="dept-eval-review-comment"
          />
        )}
        {view.status === 'none' && editable && <Alert type="info" showIcon title={t('deptEval.prefilled')} />}
        {!editable && mayEdit && !rescoring && <Alert type="info" showIcon title={t('deptEval.locked')} />}
        {conflict !== null && (
          <ConflictNotice error={conflict} onReload={loaded.reload} onDismiss={() => setConflict(null)} />
        )}
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('deptEval.gaps')}
            data-testid="dept-eval-gaps"
            description={
              <ul className="history-list">
                {issues.map((issue, i) => (
                  <li key={i}>{issueText(issue, t)}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <Card className="page-card" title={t('deptEval.budget')}>
        <BudgetSection {...sections} />
        <TextField label={t('deptEval.executionReason')} path={['executionReason']} {...sections} />
        <TextField label={t('deptEval.summary')} path={['summary']} {...sections} />
      </Card>
      <Card className="page-card" title={t('deptEval.indicators')}>
        <IndicatorSection {...sections} />
      </Card>
      <Card className="page-card" title={t('deptEval.management')}>
        <ManagementSection {...sections} />
      </Card>
    </div>
  );
}

function Summary({ view }: { view: DepartmentEvaluation }) {
  const { t } = useI18n();
  const grade = view.score.grade ?? t('deptEval.pending');
  return (
    <Descriptions column={{ xs: 1, md: 4 }} size="small">
      <Descriptions.Item label={t('dept.unitName')}>
        {view.unitName}（{view.unitCode}）
      </Descriptions.Item>
      <Descriptions.Item label={t('dept.fiscalYear')}>
        {t('dept.yearLabel', { year: view.fiscalYear })}
      </Descriptions.Item>
      <Descriptions.Item label={t('deptEval.total')}>
        <strong data-testid="dept-eval-total">{view.score.total.toFixed(2)}</strong>（{t('deptEval.grade')} {grade}）
        {view.unitScore && <div>{t('deptEval.unitTotal', { total: view.unitScore.total.toFixed(2) })}</div>}
      </Descriptions.Item>
      <Descriptions.Item label={t('deptEval.status')}>
        <Tag color={view.status === 'final' ? 'green' : 'default'} data-testid="dept-eval-status">
          {t(`deptEval.status.${view.status}`)}
        </Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

function Downloads({ unitCode, year }: Props) {
  const { t } = useI18n();
  const download = useDownload();
  const formats = [
    ['docx', 'files.word'],
    ['xlsx', 'files.excel'],
    ['pdf', 'files.pdf'],
  ] as const;
  return (
    <Space size="small" wrap className="report-downloads">
      <span>{t('deptEval.download')}</span>
      {formats.map(([format, label]) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          href={exportUrl(unitCode, year, format)}
          download
          onClick={(event) => download(event, exportUrl(unitCode, year, format))}
        >
          {t(label)}
        </Button>
      ))}
    </Space>
  );
}

function TextField({
  label,
  path,
  form,
  readOnly,
  issues,
  onChange,
}: {
  label: string;
  path: ['executionReason' | 'summary'];
  form: Form;
  readOnly: boolean;
  issues: Issues;
  onChange: (form: Form) => void;
}) {
  const key = path[0];
  const error = issueAt(issues, path);
  return (
    <label className="dept-eval-text">
      <span>{label}</span>
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 6 }}
        value={form[key]}
        disabled={readOnly}
        status={error ? 'error' : undefined}
        onChange={(ev) => onChange({ ...form, [key]: ev.target.value })}
        data-testid={`dept-eval-${key}`}
      />
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}
