import { App, Card, Table, Tag, Typography } from 'antd';
import type { OverviewRow } from '../../contract/workflow.ts';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchOverview } from './api.ts';
import { formatTime } from './format-time.ts';
import { STATE_COLORS } from './WorkflowBar.tsx';

const GRADE_COLORS: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

/** 审核总览 (/bureau): every unit-year the user may see, its workflow state and review grade. */
export default function BureauOverviewPage() {
  return (
    <App>
      <Overview />
    </App>
  );
}

function Overview() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useAsync(fetchOverview, 'overview');
  const columns = [
    {
      title: t('overview.unit'),
      key: 'unit',
      render: (_: unknown, row: OverviewRow) => <span>{row.unitCode} {row.unitName}</span>,
    },
    { title: t('overview.year'), dataIndex: 'fiscalYear', width: 90 },
    {
      title: t('overview.state'),
      dataIndex: 'state',
      render: (state: OverviewRow['state']) => <Tag color={STATE_COLORS[state]}>{t(`workflow.state.${state}`)}</Tag>,
    },
    {
      title: t('overview.grade'),
      dataIndex: 'grade',
      width: 100,
      render: (grade: string | null) => (grade ? <Tag color={GRADE_COLORS[grade]}>{grade}</Tag> : '—'),
    },
    {
      title: t('overview.findings'),
      key: 'findings',
      render: (_: unknown, row: OverviewRow) => (row.errors === null ? '—' : t('overview.findingsCount', { errors: row.errors, warnings: row.warnings ?? 0 })),
    },
    { title: t('overview.updated'), dataIndex: 'updatedAt', render: (at: string | null) => (at ? formatTime(at) : '—') },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_: unknown, row: OverviewRow) => <Link to={{ name: 'department', unitCode: row.unitCode, year: row.fiscalYear }}>{t('overview.open')}</Link>,
    },
  ];
  return (
    <Card className="page-card" title={t('overview.title')} data-testid="bureau-overview">
      <Typography.Paragraph type="secondary">{t('overview.subtitle')}</Typography.Paragraph>
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <Table<OverviewRow>
        rowKey={(row) => `${row.unitCode}/${row.fiscalYear}`}
        loading={loading}
        columns={columns}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: t('overview.empty') }}
      />
    </Card>
  );
}
