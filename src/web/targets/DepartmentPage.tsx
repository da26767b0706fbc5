import { DownloadOutlined, OrderedListOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Dropdown, Empty, Skeleton, Space, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { deleteProject, exportUrl, fetchTargets } from '../http/endpoints.ts';
import { AuditLink } from '../audit/AuditLink.tsx';
import { MonitoringLink } from '../monitoring/MonitoringLink.tsx';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ProjectEditor, type EditorTarget } from '../projects/ProjectEditor.tsx';
import { ProjectTable } from '../projects/ProjectTable.tsx';
import { navigate } from '../app/router.tsx';
import { requestPrint } from '../print/print-request.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { WorkflowBar } from '../workflow/WorkflowBar.tsx';
import { useCanEditTargets } from '../workflow/use-can-edit.ts';
import { DepartmentReview } from '../review/DepartmentReview.tsx';
import { HistoryBadges } from '../evaluation/HistoryBadges.tsx';
import { DocumentBar } from '../files/DocumentBar.tsx';
import { DisclosureSection } from '../disclosure/DisclosureSection.tsx';
import { BudgetOverview } from './BudgetOverview.tsx';
import { OverallTargets } from './OverallTargets.tsx';
import { OverallIndicatorsCard } from '../department-evaluation/OverallIndicatorsCard.tsx';
import { ProjectOrder } from './ProjectOrder.tsx';
import { takeTargets } from './targets-prefetch.ts';
import './department-page.css';

interface Props {
  unitCode: string;
  year: number;
}

/** 部门绩效目标: one unit's targets for one year, as published, with project editing. */
export default function DepartmentPage(props: Props) {
  // antd's App (message, modal) lives here, not in the shell: it stays off the first page.
  return (
    <App>
      <Department {...props} />
    </App>
  );
}

function Department({ unitCode, year }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The first load takes what the route prefetched; every reload asks the server anew.
  const firstLoad = useRef(true);
  const { data, error, reload } = useAsync(() => {
    const load = firstLoad.current ? takeTargets(unitCode, year) : fetchTargets(unitCode, year);
    firstLoad.current = false;
    return load;
  }, `${unitCode}/${year}`);
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [ordering, setOrdering] = useState(false);
  const editability = useCanEditTargets(unitCode, year);
  const canEdit = editability.canEdit;

  if (!data)
    return error !== undefined ? (
      <LoadError error={error} onRetry={reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );
  const { document } = data;

  const remove = async (code: string) => {
    try {
      // The version this page read (not a fresh one): a delete of what someone changed since is refused (409).
      await deleteProject(unitCode, year, code, document.projectVersions?.[code] ?? 0);
      message.success(t('table.deleted'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
    reload();
  };

  return (
    <div className="department-page" data-testid="department-page">
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <Card
        className="page-card"
        title={<span className="dept-title">{t('dept.title')}</span>}
        extra={
          <HeaderActions
            unitCode={unitCode}
            year={year}
            onCreate={canEdit ? () => setEditing({ mode: 'create' }) : undefined}
            lockedReason={editability.show && !canEdit ? editability.reason : null}
          />
        }
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('dept.unitCode')}>{document.unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('dept.unitName')}>{document.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('dept.fiscalYear')}>
            {t('dept.yearLabel', { year: document.fiscalYear })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <WorkflowBar
        unitCode={unitCode}
        year={year}
        projects={document.projects}
        onChange={() => {
          reload();
          editability.reload();
        }}
      />
      <DocumentBar unitCode={unitCode} year={year} onImported={reload} />
      <OverallTargets unit={document.unit} overall={document.overall} />
      <OverallIndicatorsCard
        unitCode={unitCode}
        year={year}
        overall={document.overall}
        version={data.version ?? 0}
        canEdit={canEdit}
        onSaved={reload}
      />
      <DepartmentReview unitCode={unitCode} year={year} overall={document.overall} />
      <BudgetOverview projects={document.projects} />
      <HistoryBadges unitCode={unitCode} year={year} />
      <Card
        title={t('dept.part2')}
        className="page-card"
        data-testid="project-tables"
        extra={
          canEdit &&
          document.projects.length > 1 && (
            <Button icon={<OrderedListOutlined />} onClick={() => setOrdering(true)} data-testid="order-projects">
              {t('order.projectsButton')}
            </Button>
          )
        }
      >
        {document.projects.length === 0 && <Empty description={t('dept.noProjects')} />}
        {document.projects.map((project, i) => (
          <ProjectTable
            key={project.code}
            unit={document.unit}
            project={project}
            seq={i + 1}
            onEdit={canEdit ? () => setEditing({ mode: 'edit', code: project.code }) : undefined}
            onDelete={canEdit ? () => remove(project.code) : undefined}
            lockedReason={editability.show && !canEdit ? editability.reason : null}
          />
        ))}
      </Card>
      <DisclosureSection unitCode={unitCode} year={year} />
      {ordering && (
        <ProjectOrder
          unitCode={unitCode}
          year={year}
          projects={document.projects}
          version={data.version ?? 0}
          onClose={() => setOrdering(false)}
          onDone={() => {
            setOrdering(false);
            reload();
          }}
        />
      )}
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

/**
 * `onCreate` absent: the user may not add projects now. A role that never edits gets no button; a unit
 * whose targets are locked gets it disabled with `lockedReason` ("已报送，等待主管部门审核").
 */
function HeaderActions({
  unitCode,
  year,
  onCreate,
  lockedReason,
}: {
  unitCode: string;
  year: number;
  onCreate: (() => void) | undefined;
  lockedReason: string | null;
}) {
  const { t } = useI18n();
  const items = [
    {
      key: 'json',
      label: (
        <a href={exportUrl(unitCode, year, 'json')} download>
          {t('dept.exportJson')}
        </a>
      ),
    },
    {
      key: 'text',
      label: (
        <a href={exportUrl(unitCode, year, 'text')} download>
          {t('dept.exportText')}
        </a>
      ),
    },
  ];
  return (
    <Space>
      <MonitoringLink unitCode={unitCode} year={year} />
      <AuditLink unitCode={unitCode} year={year} />
      <Button
        icon={<PrinterOutlined />}
        onClick={() => {
          requestPrint();
          navigate({ name: 'print', unitCode, year });
        }}
        data-testid="print-button"
      >
        {t('print.button')}
      </Button>
      <Dropdown menu={{ items }}>
        <Button icon={<DownloadOutlined />}>{t('dept.export')}</Button>
      </Dropdown>
      {(onCreate || lockedReason) && (
        <Tooltip title={lockedReason}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={onCreate}
            disabled={!onCreate}
            data-testid="add-project"
            data-reason={lockedReason ?? undefined}
          >
            {t('dept.addProject')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
