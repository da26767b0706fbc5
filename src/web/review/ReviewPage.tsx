import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { Project } from '../../domain/targets.ts';
import { navigate } from '../app/router.tsx';
import { deleteProject, fetchTargets } from '../http/endpoints.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ProjectEditor, type EditorTarget } from '../projects/ProjectEditor.tsx';
import { ProjectTable } from '../projects/ProjectTable.tsx';
import { LastYearLine, useLastYear } from '../results/LastYear.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useCanEditTargets } from '../workflow/use-can-edit.ts';
import { OverallTargets } from '../targets/OverallTargets.tsx';
import { fetchReview } from './api.ts';
import { highlightsByProject } from './cell-key.ts';
import { locateFinding } from './locate.ts';
import { NarrativeIndicatorsTable } from './NarrativeIndicatorsTable.tsx';
import { OpinionSection } from './OpinionSection.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import './review.css';

/** What the workflow bar needs from this page: the projects (to attach comments) and a reload after a step. */
export interface WorkflowSlotContext {
  projects: Project[];
  reload: () => void;
}

export interface ReviewPageProps {
  unitCode: string;
  year: number;
  /** WORKFLOW SLOT: helper W's submit / return / approve bar, rendered above the tables. */
  workflowBar?: (context: WorkflowSlotContext) => ReactNode;
}

/** 绩效目标审核: the findings beside the tables, each one a click away from the cell it names. */
export default function ReviewPage(props: ReviewPageProps) {
  return (
    <App>
      <Review {...props} />
    </App>
  );
}

function Review({ unitCode, year, workflowBar }: ReviewPageProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const key = `${unitCode}/${year}`;
  const targets = useAsync(() => fetchTargets(unitCode, year), key);
  const review = useAsync(() => fetchReview(unitCode, year), key);
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const highlights = useMemo(() => highlightsByProject(review.data?.report.findings ?? []), [review.data]);
  const editability = useCanEditTargets(unitCode, year);
  // Last year's 自评 grade and open 整改通知 beside each project (结果应用, decision 048).
  const lastYear = useLastYear(unitCode, year);
  const canEdit = editability.canEdit;
  // A workflow step changes who records the 审核意见表 now: the forms are read again after one.
  const [revision, setRevision] = useState(0);
  const reload = () => {
    targets.reload();
    review.reload();
    editability.reload();
    setRevision((r) => r + 1);
  };

  const failure = targets.error ?? review.error;
  if (!targets.data || !review.data)
    return failure !== undefined ? (
      <LoadError error={failure} onRetry={reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );
  const { document } = targets.data;
  const { report } = review.data;
  const projectNames = new Map(document.projects.map((p) => [p.code, p.name]));

  const remove = async (code: string) => {
    try {
      // The version this page read (not a fresh one): a delete of what someone changed since is refused (409).
      await deleteProject(unitCode, year, code, document.projectVersions?.[code] ?? 0);
    } catch (problem) {
      message.error(errorMessage(problem, t));
    }
    reload();
  };

  return (
    <div className="review-page" data-testid="review-page">
      <Card
        className="page-card"
        title={<span className="dept-title">{t('review.title')}</span>}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'department', unitCode, year })}>
            {t('review.back')}
          </Button>
        }
      >
        <Typography.Text>
          {document.unit.code} {document.unit.name} · {t('dept.yearLabel', { year })}
        </Typography.Text>
      </Card>
      {/* WORKFLOW SLOT — helper W: pass workflowBar from AppShell, or replace this line with <WorkflowBar …/>. */}
      {workflowBar?.({ projects: document.projects, reload })}
      <OpinionSection
        unitCode={unitCode}
        year={year}
        revision={revision}
        findings={report.findings}
        onLocate={(f) => locateFinding(f)}
      />
      <div className="review-layout">
        <aside className="review-side">
          <ReviewPanel
            grade={report.grade}
            findings={report.findings}
            notApplicable={report.notApplicable}
            projectNames={projectNames}
            onLocate={(f) => locateFinding(f)}
          />
        </aside>
        <div className="review-main">
          <OverallTargets overall={document.overall} highlights={highlights.get(null)} />
          <NarrativeIndicatorsTable overall={document.overall} />
          <Card title={t('dept.part2')} className="page-card">
            {document.projects.length === 0 && <Empty description={t('dept.noProjects')} />}
            {document.projects.map((project, i) => (
              <div key={project.code}>
                <LastYearLine match={lastYear.byCode.get(project.code)} year={lastYear.year} />
                <ProjectTable
                  unit={document.unit}
                  project={project}
                  seq={i + 1}
                  highlights={highlights.get(project.code)}
                  onEdit={canEdit ? () => setEditing({ mode: 'edit', code: project.code }) : undefined}
                  onDelete={canEdit ? () => remove(project.code) : undefined}
                />
              </div>
            ))}
          </Card>
        </div>
      </div>
      <ProjectEditor
        unitCode={unitCode}
        year={year}
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
    </div>
  );
}
