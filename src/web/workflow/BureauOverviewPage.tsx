import { Alert, App, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import type { OverviewQuery, OverviewRow } from '../../contract/workflow.ts';
import { WORKFLOW_STATES, type WorkflowState } from '../../domain/workflow/states.ts';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchOverview } from './api.ts';
import { BatchActions, useBatchActions } from './BatchActions.tsx';
import { formatTime } from './format-time.ts';
import { STATE_COLORS } from './WorkflowBar.tsx';
import { gradeText } from '../i18n/vocabulary.ts';

const GRADE_COLORS: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };
const GRADES = ['优', '良', '中', '差', '未定级'] as const;
const PAGE_SIZE = 50;

/**
 * 审核总览 (/bureau): the unit-years the user may see, their workflow state and review grade. Paged,
 * filtered and sorted by the server (a city bureau has thousands): the table asks for one page.
 */
export default function BureauOverviewPage() {
  return (
    <App>
      <Overview />
    </App>
  );
}

function Overview() {
  const { t } = useI18n();
  const [query, setQuery] = useState<OverviewQuery>({ page: 1, pageSize: PAGE_SIZE });
  const { data, error, loading, reload } = useAsync(() => fetchOverview(query), JSON.stringify(query));
  const [selected, setSelected] = useState<string[]>([]);
  // Rows are selectable only for a role with a batch step (not the auditor, who only reads).
  const batching = useBatchActions().length > 0;
  const filter = (change: Partial<OverviewQuery>) => setQuery((q) => ({ ...q, ...change, page: 1 }));
  const onTableChange = (pagination: TablePaginationConfig) =>
    setQuery((q) => ({ ...q, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? PAGE_SIZE }));
  const columns = [
    {
      title: t('overview.unit'),
      key: 'unit',
      render: (_: unknown, row: OverviewRow) => (
        <span>
          {row.unitCode} {row.unitName}
          {row.stale && <Tag style={{ marginLeft: 8 }}>{t('bureau.staleRow')}</Tag>}
        </span>
      ),
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
      render: (grade: string | null) => (grade ? <Tag color={GRADE_COLORS[grade]}>{gradeText(grade, t)}</Tag> : '—'),
    },
    {
      title: t('overview.findings'),
      key: 'findings',
      render: (_: unknown, row: OverviewRow) =>
        row.errors === null ? '—' : t('overview.findingsCount', { errors: row.errors, warnings: row.warnings ?? 0 }),
    },
    {
      title: t('overview.updated'),
      dataIndex: 'updatedAt',
      render: (at: string | null) => (at ? formatTime(at) : '—'),
    },
    {
      title: '',
      key: 'open',
      width: 150,
      render: (_: unknown, row: OverviewRow) => (
        <Space size="small">
          <Link to={{ name: 'department', unitCode: row.unitCode, year: row.fiscalYear }}>{t('overview.open')}</Link>
          <Link to={{ name: 'review', unitCode: row.unitCode, year: row.fiscalYear }}>{t('overview.review')}</Link>
        </Space>
      ),
    },
  ];
  return (
    <Card className="page-card" title={t('overview.title')} data-testid="bureau-overview">
      <Typography.Paragraph type="secondary">{t('overview.subtitle')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('bureau.search')}
          placeholder={t('bureau.search')}
          style={{ width: 220 }}
          onSearch={(search) => filter({ search })}
          data-testid="overview-search"
        />
        <Select<WorkflowState | ''>
          aria-label={t('overview.state')}
          style={{ width: 140 }}
          value={query.state ?? ''}
          onChange={(state) => filter({ state: state === '' ? undefined : state })}
          options={[
            { value: '', label: t('bureau.anyState') },
            ...WORKFLOW_STATES.map((s) => ({ value: s, label: t(`workflow.state.${s}`) })),
          ]}
        />
        <Select<(typeof GRADES)[number] | ''>
          aria-label={t('overview.grade')}
          style={{ width: 120 }}
          value={query.grade ?? ''}
          onChange={(grade) => filter({ grade: grade === '' ? undefined : grade })}
          options={[{ value: '', label: t('bureau.anyGrade') }, ...GRADES.map((g) => ({ value: g, label: g }))]}
        />
      </Space>
      {data !== undefined && data.stale > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('bureau.stale', { n: data.stale })} />
      )}
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <BatchActions
        selected={selected.map(parseRowKey)}
        onDone={() => {
          setSelected([]);
          reload();
        }}
      />
      <Table<OverviewRow>
        rowKey={rowKey}
        rowSelection={
          batching
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (row) => ({ 'aria-label': `${row.unitCode} ${row.fiscalYear}` }),
              }
            : undefined
        }
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{
          current: query.page as number,
          pageSize: query.pageSize as number,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('bureau.total', { n }),
        }}
        onChange={onTableChange}
        locale={{ emptyText: t('overview.empty') }}
      />
    </Card>
  );
}

/** "unitCode/year": a unit code has no slash (src/contract/codes.ts). */
function rowKey(row: OverviewRow): string {
  return `${row.unitCode}/${row.fiscalYear}`;
}

function parseRowKey(key: string): { unitCode: string; fiscalYear: number } {
  const at = key.lastIndexOf('/');
  return { unitCode: key.slice(0, at), fiscalYear: Number(key.slice(at + 1)) };
}
