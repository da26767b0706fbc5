import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Evaluation } from '../../contract/evaluation.ts';
import { navigate } from '../app/router.tsx';
import { errorMessage } from '../http/error-message.ts';
import { gapText, issueText } from '../http/issue-text.ts';
import { ApiError } from '../http/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { isStaleWrite } from '../shared/conflict.ts';
import { ConflictNotice } from '../shared/ConflictNotice.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { ReportDownloads } from '../reports/ReportDownloads.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useSession } from '../auth/session.ts';
import { useMayUse } from '../workflow/use-can-edit.ts';
import { fetchEvaluation, packageUrl, saveEvaluation } from './api.ts';
import {
  bodyFrom,
  draftFrom,
  type ProjectDraft,
  updateCategoryPoints,
  updateIndicator,
  updateProject,
} from './draft.ts';
import { evaluationCompare } from './conflict-compare.ts';
import { EvaluationTable } from './EvaluationTable.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { ProcedureActions } from './ProcedureActions.tsx';
import { SelfReportPanel } from '../self-report/SelfReportPanel.tsx';

interface Props {
  unitCode: string;
  year: number;
}

/** 项目支出绩效自评表: year-end actuals per indicator, scored by the server on every save. */
export default function EvaluationPage(props: Props) {
  return (
    <App>
      <EvaluationForm {...props} />
    </App>
  );
}

function EvaluationForm({ unitCode, year }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const loaded = useAsync(() => fetchEvaluation(unitCode, year), `${unitCode}/${year}`);
  const [evaluation, setEvaluation] = useState<Evaluation | undefined>(undefined);
  const [drafts, setDrafts] = useState<ProjectDraft[]>([]);
  const [gaps, setGaps] = useState<string[]>([]);
  const [issues, setIssues] = useState<ApiError['issues']>([]);
  const { user } = useSession();
  const role = user?.role ?? null;
  const mayEdit = useMayUse('evaluation:edit');
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<unknown>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setEvaluation(loaded.data);
    setDrafts(draftFrom(loaded.data));
    setConflict(null);
  }, [loaded.data]);
  // Unsaved: the drafts differ from what the server last said (leaving asks first).
  const dirty = useMemo(
    () => evaluation !== undefined && JSON.stringify(drafts) !== JSON.stringify(draftFrom(evaluation)),
    [drafts, evaluation],
  );
  useUnsavedChanges(dirty);

  if (!evaluation)
    return loaded.error !== undefined ? (
      <LoadError error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );

  const show = (next: Evaluation) => {
    setEvaluation(next);
    setDrafts(draftFrom(next));
  };
  const save = async (submit: boolean) => {
    setSaving(true);
    setConflict(null);
    try {
      show(await saveEvaluation(unitCode, year, evaluation.version, bodyFrom(drafts, submit)));
      setGaps([]);
      setIssues([]);
      message.success(t(submit ? 'evaluation.submitted' : 'evaluation.saved'));
    } catch (failure) {
      setGaps(failure instanceof ApiError ? failure.issues.map((i) => issueText(i, t)) : []);
      setIssues(failure instanceof ApiError ? failure.issues : []);
      if (isStaleWrite(failure)) setConflict(failure);
      else message.error(errorMessage(failure, t));
    } finally {
      setSaving(false);
    }
  };

  const editable = mayEdit && (evaluation.status === 'none' || evaluation.status === 'draft');
  const readOnly = saving || !editable;
  const categoryError = (p: number) =>
    issues
      .filter((i) => i.path?.[0] === 'projects' && i.path[1] === p && i.path[2] === 'categoryPoints')
      .map((i) => issueText(i, t))[0] ?? null;
  const gapList =
    gaps.length > 0 ? gaps : evaluation.missingAnalysis.map((m) => gapText(m.message, m.reason, m.subject, t));
  return (
    <div className="evaluation-page" data-testid="evaluation-page">
      <Card
        className="page-card"
        title={<span className="dept-title">{t('evaluation.title')}</span>}
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'department', unitCode, year })}>
              {t('evaluation.back')}
            </Button>
            <Button onClick={() => navigate({ name: 'department-evaluation', unitCode, year })}>
              {t('deptEval.link')}
            </Button>
            {editable && (
              <Button onClick={() => save(false)} loading={saving}>
                {t('evaluation.save')}
              </Button>
            )}
            {editable && (
              <Button type="primary" onClick={() => save(true)} loading={saving}>
                {t('evaluation.submit')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 4 }} size="small">
          <Descriptions.Item label={t('dept.unitName')}>
            {evaluation.unitName}（{evaluation.unitCode}）
          </Descriptions.Item>
          <Descriptions.Item label={t('dept.fiscalYear')}>
            {t('dept.yearLabel', { year: evaluation.fiscalYear })}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluation.meanScore')}>
            <strong data-testid="mean-score">
              {evaluation.meanScore === null ? '—' : evaluation.meanScore.toFixed(2)}
            </strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluation.status')}>
            <Tag color={evaluation.status === 'final' ? 'green' : 'default'} data-testid="evaluation-status">
              {t(`evaluation.status.${evaluation.status}`)}
            </Tag>
            {evaluation.recheck && <Tag color="purple">{t('evaluation.recheck')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
        <ReportDownloads unitCode={unitCode} year={year} kind="evaluation" />
        <a href={packageUrl(unitCode, year)} download>
          {t('evaluation.package')}
        </a>
        <ProcedureActions evaluation={evaluation} role={role} onDone={show} />
        {evaluation.reviewComment !== '' && (
          <Alert type="warning" showIcon title={`${t('evaluation.reviewComment')}：${evaluation.reviewComment}`} />
        )}
        {!editable && mayEdit && <Alert type="info" showIcon title={t('evaluation.locked')} />}
        {conflict !== null && (
          <ConflictNotice
            error={conflict}
            onReload={loaded.reload}
            onDismiss={() => setConflict(null)}
            compare={evaluationCompare(
              () => drafts,
              evaluation,
              () => fetchEvaluation(unitCode, year),
              t,
            )}
          />
        )}
        {evaluation.incomplete && <Alert type="warning" showIcon title={t('evaluation.incomplete')} />}
        {gapList.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={t('evaluation.gaps')}
            description={
              <ul className="history-list">
                {gapList.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      <Card className="page-card">
        {evaluation.projects.length === 0 && <Empty />}
        {evaluation.projects.map((project, i) => (
          <div key={project.code}>
            <EvaluationTable
              project={project}
              draft={drafts[i] ?? draftFrom(evaluation)[i]!}
              seq={i + 1}
              readOnly={readOnly}
              categoryError={categoryError(i)}
              onIndicator={(k, change) => setDrafts((d) => updateIndicator(d, project.code, k, change))}
              onProject={(change) => setDrafts((d) => updateProject(d, project.code, change))}
              onCategoryPoints={(key, value) => setDrafts((d) => updateCategoryPoints(d, project.code, key, value))}
            />
            <EvidenceList
              unitCode={unitCode}
              year={year}
              projectCode={project.code}
              attachments={project.attachments}
              editable={editable && !saving}
              onChanged={loaded.reload}
            />
          </div>
        ))}
      </Card>
      <SelfReportPanel unitCode={unitCode} year={year} mayEdit={mayEdit} />
    </div>
  );
}
