import { Alert, App, Card, Col, Empty, Input, Row, Select, Skeleton, Space, Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import type { BureauMonitoringQuery, BureauMonitoringRow, BureauMonitoringView } from '../../contract/monitoring.ts';
import type { BureauRanking } from '../../contract/evaluation.ts';
import { WARNING_LEVELS, type WarningLevel } from '../../domain/monitoring/policy.ts';
import { Link } from '../app/router.tsx';
import { fetchFiscalYears } from '../http/endpoints.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatYuan } from '../shared/format.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchBureauMonitoring, fetchRanking } from './api.ts';
import { LEVEL_COLORS, countPieOption, rankingBarOption } from './chart-options.ts';
import { LazyChart } from './LazyChart.tsx';
import './monitoring.css';
import { gradeText, warningLevelText } from '../i18n/vocabulary.ts';

const GRADE_COLORS = { 优: '#389e0d', 良: '#1677ff', 中: '#e8a33d', 差: '#b71c1c', 未定级: '#bfbfbf' } as const;
const ROUND_COLORS = { submitted: 'green', open: 'blue', overdue: 'red', 'not-due': 'default' } as const;
const PAGE_SIZE = 50;
const TOP = 20;
type Sort = NonNullable<BureauMonitoringQuery['sort']>;

/**
 * The bureau dashboard: units by execution and by self-evaluation score, grades, warnings. The
 * table is one server page (a city has thousands of units); totals and the score ranking's top
 * come from the server's aggregates, not from the page.
 */
export default function BureauMonitoringPage() {
  return (
    <App>
      <Dashboard />
    </App>
  );
}

function Dashboard() {
  const { t } = useI18n();
  const [chosen, setYear] = useState<number | undefined>(undefined);
  const years = useAsync(fetchFiscalYears, 'years');
  const year = chosen ?? years.data?.[0];
  if (!years.data)
    return years.error !== undefined ? (
      <LoadError error={years.error} onRetry={years.reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 10 }} />
    );
  return (
    <div className="monitoring-page" data-testid="bureau-monitoring-page">
      {year === undefined ? (
        <Card className="page-card" title={t('monitoring.bureau.title')}>
          <Empty />
        </Card>
      ) : (
        <YearDashboard
          key={year}
          year={year}
          extra={
            <Select
              aria-label={t('dept.fiscalYear')}
              size="small"
              value={year}
              style={{ width: 110 }}
              options={years.data.map((y) => ({ value: y, label: t('units.year', { year: y }) }))}
              onChange={setYear}
            />
          }
        />
      )}
    </div>
  );
}

function YearDashboard({ year, extra }: { year: number; extra: ReactNode }) {
  const { t } = useI18n();
  const [query, setQuery] = useState<BureauMonitoringQuery>({ page: 1, pageSize: PAGE_SIZE, sort: 'execution' });
  const monitoring = useAsync(() => fetchBureauMonitoring(year, query), JSON.stringify(query));
  const ranking = useAsync(() => fetchRanking(year, { sort: 'score', pageSize: TOP }), String(year));
  const filter = (change: Partial<BureauMonitoringQuery>) => setQuery((q) => ({ ...q, ...change, page: 1 }));
  const sorts: { value: Sort; label: string }[] = [
    { value: 'execution', label: t('bureau.sortExecution') },
    { value: 'score', label: t('bureau.sortScore') },
    { value: 'warnings', label: t('bureau.sortWarnings') },
    { value: 'code', label: t('bureau.sortCode') },
  ];
  return (
    <>
      <Card
        className="page-card"
        title={<span className="dept-title">{t('monitoring.bureau.title')}</span>}
        extra={extra}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            aria-label={t('bureau.search')}
            placeholder={t('bureau.search')}
            style={{ width: 220 }}
            onSearch={(search) => filter({ search })}
            data-testid="bureau-search"
          />
          <Select<WarningLevel | ''>
            aria-label={t('monitoring.bureau.warnings')}
            style={{ width: 150 }}
            value={query.warningLevel ?? ''}
            onChange={(level) => filter({ warningLevel: level === '' ? undefined : level })}
            options={[
              { value: '', label: t('bureau.anyWarning') },
              ...WARNING_LEVELS.map((l) => ({ value: l, label: t('bureau.warningAtLeast', { level: l }) })),
            ]}
          />
          <Select<Sort>
            aria-label={t('bureau.sort')}
            style={{ width: 190 }}
            value={query.sort ?? 'execution'}
            onChange={(sort) => filter({ sort })}
            options={sorts}
          />
        </Space>
        {monitoring.data !== undefined && monitoring.data.stale > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('bureau.stale', { n: monitoring.data.stale })}
          />
        )}
        {monitoring.error !== undefined && <LoadError error={monitoring.error} onRetry={monitoring.reload} />}
        <UnitTable
          year={year}
          view={monitoring.data}
          loading={monitoring.loading}
          query={query}
          onChange={(p) => setQuery((q) => ({ ...q, page: p.current ?? 1, pageSize: p.pageSize ?? PAGE_SIZE }))}
        />
      </Card>
      {monitoring.data && <DashboardCharts monitoring={monitoring.data} ranking={ranking.data ?? null} />}
    </>
  );
}

function UnitTable({
  year,
  view,
  loading,
  query,
  onChange,
}: {
  year: number;
  view: BureauMonitoringView | undefined;
  loading: boolean;
  query: BureauMonitoringQuery;
  onChange: (p: TablePaginationConfig) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<BureauMonitoringRow>
      data-testid="bureau-units"
      rowKey="unitCode"
      size="small"
      loading={loading}
      dataSource={view?.items ?? []}
      pagination={{
        current: query.page as number,
        pageSize: query.pageSize as number,
        total: view?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t('bureau.total', { n }),
      }}
      onChange={onChange}
      columns={[
        {
          title: t('monitoring.bureau.unit'),
          key: 'unit',
          render: (_, u) => (
            <>
              <Link to={{ name: 'monitoring', unitCode: u.unitCode, year }}>
                {u.unitCode} {u.unitName}
              </Link>
              {u.stale && <Tag style={{ marginLeft: 8 }}>{t('bureau.staleRow')}</Tag>}
            </>
          ),
        },
        {
          title: t('monitoring.adjustedBudget'),
          dataIndex: 'budget',
          align: 'right',
          render: (v: string) => formatYuan(v),
        },
        {
          title: t('monitoring.spent'),
          dataIndex: 'spentToDate',
          align: 'right',
          render: (v: string) => formatYuan(v),
        },
        {
          title: t('monitoring.rate'),
          dataIndex: 'executionRate',
          align: 'right',
          render: (v: string | null) => (v === null ? '—' : `${v}%`),
        },
        {
          title: t('monitoring.bureau.score'),
          dataIndex: 'meanScore',
          align: 'right',
          render: (v: number | null) => v?.toFixed(2) ?? '—',
        },
        {
          title: t('monitoring.bureau.grade'),
          dataIndex: 'grade',
          render: (v: string | null) => (v ? gradeText(v, t) : '—'),
        },
        {
          title: t('monitoring.bureau.warnings'),
          key: 'warnings',
          render: (_, u) =>
            WARNING_LEVELS.filter((l) => u.warningCounts[l] > 0).map((l) => (
              <Tag key={l} color={LEVEL_COLORS[l]}>
                {warningLevelText(l, t)} {u.warningCounts[l]}
              </Tag>
            )),
        },
        { title: t('monitoring.bureau.openWarnings'), dataIndex: 'openWarnings', align: 'right' },
        {
          title: t('monitoring.bureau.checkpoint'),
          key: 'checkpoint',
          render: (_, row) =>
            row.checkpoint === null ? (
              '—'
            ) : (
              <span data-testid={`checkpoint-${row.unitCode}`}>
                {t('monitoring.monthEnd', { month: row.checkpoint.month })}{' '}
                <Tag color={ROUND_COLORS[row.checkpoint.state]}>{t(`monitoring.round.${row.checkpoint.state}`)}</Tag>
              </span>
            ),
        },
      ]}
    />
  );
}

function DashboardCharts({ monitoring, ranking }: { monitoring: BureauMonitoringView; ranking: BureauRanking | null }) {
  const { t } = useI18n();
  const label = (code: string, name: string) => `${code} ${name}`;
  const byExecution = useMemo(
    () =>
      rankingBarOption(
        monitoring.items.map((u) => ({
          label: label(u.unitCode, u.unitName),
          value: u.executionRate === null ? null : Number(u.executionRate),
        })),
        '%',
      ),
    [monitoring],
  );
  const byScore = useMemo(
    () =>
      ranking &&
      rankingBarOption(
        ranking.items.map((u) => ({
          label: label(u.unitCode, u.unitName),
          value: u.meanScore === null ? null : Number(u.meanScore.toFixed(2)),
        })),
        '',
      ),
    [ranking],
  );
  const grades = useMemo(
    () =>
      ranking &&
      countPieOption(
        (Object.keys(GRADE_COLORS) as (keyof typeof GRADE_COLORS)[]).map((g) => ({
          name: g === '未定级' ? t('monitoring.bureau.ungraded') : gradeText(g, t),
          value: ranking.gradeDistribution[g],
          color: GRADE_COLORS[g],
        })),
      ),
    [ranking, t],
  );
  const warnings = useMemo(
    () =>
      countPieOption(
        WARNING_LEVELS.map((l) => ({
          name: warningLevelText(l, t),
          value: monitoring.warningTotals[l],
          color: LEVEL_COLORS[l],
        })),
      ),
    [monitoring, t],
  );
  const height = (n: number) => 60 + 40 * n;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card className="page-card" title={t('bureau.pageByExecution')}>
          <LazyChart option={byExecution} height={height(monitoring.items.length)} testId="execution-ranking-chart" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card className="page-card" title={t('bureau.topByScore', { n: TOP })}>
          {byScore ? (
            <LazyChart option={byScore} height={height(ranking?.items.length ?? 0)} testId="score-ranking-chart" />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card className="page-card" title={t('monitoring.bureau.grades')}>
          {grades ? <LazyChart option={grades} height={220} testId="grade-chart" /> : <Empty />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card className="page-card" title={t('monitoring.bureau.warnings')}>
          <LazyChart option={warnings} height={220} testId="bureau-warnings-chart" />
        </Card>
      </Col>
    </Row>
  );
}
