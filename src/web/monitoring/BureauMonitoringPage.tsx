import { App, Card, Col, Empty, Row, Select, Skeleton, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { BureauMonitoringView } from '../../contract/monitoring.ts';
import type { BureauRanking } from '../../contract/evaluation.ts';
import { Link } from '../app/router.tsx';
import { fetchUnits } from '../http/endpoints.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatYuan } from '../shared/format.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchBureauMonitoring, fetchRanking } from './api.ts';
import { LEVEL_COLORS, countPieOption, rankingBarOption } from './chart-options.ts';
import { LazyChart } from './LazyChart.tsx';
import './monitoring.css';

const GRADE_COLORS = { 优: '#389e0d', 良: '#1677ff', 中: '#e8a33d', 差: '#b71c1c', 未定级: '#bfbfbf' } as const;

/** The bureau dashboard: units ranked by execution and by self-evaluation score, grades, warnings. */
export default function BureauMonitoringPage() {
  return (
    <App>
      <Dashboard />
    </App>
  );
}

async function loadDashboard(year: number | undefined) {
  const units = await fetchUnits();
  const years = [...new Set(units.flatMap((u) => u.years))].sort((a, b) => b - a);
  const chosen = year ?? years[0];
  if (chosen === undefined) return { years, year: undefined, monitoring: null, ranking: null };
  const [monitoring, ranking] = await Promise.all([fetchBureauMonitoring(chosen), fetchRanking(chosen)]);
  return { years, year: chosen, monitoring, ranking };
}

function Dashboard() {
  const { t } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, error, reload } = useAsync(() => loadDashboard(year), String(year ?? ''));
  if (!data) return error !== undefined ? <LoadError error={error} onRetry={reload} /> : <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <div className="monitoring-page" data-testid="bureau-monitoring-page">
      <Card className="page-card" title={<span className="dept-title">{t('monitoring.bureau.title')}</span>} extra={
        <Select aria-label={t('dept.fiscalYear')} size="small" value={data.year} style={{ width: 110 }}
          options={data.years.map((y) => ({ value: y, label: t('units.year', { year: y }) }))} onChange={setYear} />
      }>
        {!data.monitoring ? <Empty /> : <UnitTable monitoring={data.monitoring} ranking={data.ranking} />}
      </Card>
      {data.monitoring && <DashboardCharts monitoring={data.monitoring} ranking={data.ranking} />}
    </div>
  );
}

function UnitTable({ monitoring, ranking }: { monitoring: BureauMonitoringView; ranking: BureauRanking | null }) {
  const { t } = useI18n();
  const scoreOf = (code: string) => ranking?.units.find((u) => u.unitCode === code);
  return (
    <Table
      data-testid="bureau-units"
      rowKey="unitCode"
      size="small"
      pagination={false}
      dataSource={monitoring.units}
      columns={[
        { title: t('monitoring.bureau.unit'), key: 'unit', render: (_, u) => <Link to={{ name: 'monitoring', unitCode: u.unitCode, year: monitoring.fiscalYear }}>{u.unitCode} {u.unitName}</Link> },
        { title: t('monitoring.adjustedBudget'), dataIndex: 'budget', align: 'right', render: (v: string) => formatYuan(v) },
        { title: t('monitoring.spent'), dataIndex: 'spentToDate', align: 'right', render: (v: string) => formatYuan(v) },
        { title: t('monitoring.rate'), dataIndex: 'executionRate', align: 'right', render: (v: string | null) => (v === null ? '—' : `${v}%`) },
        { title: t('monitoring.bureau.score'), key: 'score', align: 'right', render: (_, u) => scoreOf(u.unitCode)?.meanScore?.toFixed(2) ?? '—' },
        { title: t('monitoring.bureau.grade'), key: 'grade', render: (_, u) => scoreOf(u.unitCode)?.grade ?? '—' },
        {
          title: t('monitoring.bureau.warnings'), key: 'warnings',
          render: (_, u) => (Object.keys(LEVEL_COLORS) as (keyof typeof LEVEL_COLORS)[]).filter((l) => u.warningCounts[l] > 0).map((l) => <Tag key={l} color={LEVEL_COLORS[l]}>{l} {u.warningCounts[l]}</Tag>),
        },
        { title: t('monitoring.bureau.openWarnings'), dataIndex: 'openWarnings', align: 'right' },
      ]}
    />
  );
}

function DashboardCharts({ monitoring, ranking }: { monitoring: BureauMonitoringView; ranking: BureauRanking | null }) {
  const { t } = useI18n();
  const label = (code: string, name: string) => `${code} ${name}`;
  const byExecution = useMemo(() => rankingBarOption(monitoring.units.map((u) => ({ label: label(u.unitCode, u.unitName), value: u.executionRate === null ? null : Number(u.executionRate) })), '%'), [monitoring]);
  const byScore = useMemo(() => ranking && rankingBarOption(ranking.units.map((u) => ({ label: label(u.unitCode, u.unitName), value: u.meanScore === null ? null : Number(u.meanScore.toFixed(2)) })), ''), [ranking]);
  const grades = useMemo(() => ranking && countPieOption((Object.keys(GRADE_COLORS) as (keyof typeof GRADE_COLORS)[]).map((g) => ({
    name: g === '未定级' ? t('monitoring.bureau.ungraded') : g, value: ranking.gradeDistribution[g], color: GRADE_COLORS[g],
  }))), [ranking, t]);
  const warnings = useMemo(() => countPieOption((Object.keys(LEVEL_COLORS) as (keyof typeof LEVEL_COLORS)[]).map((l) => ({
    name: l, value: monitoring.units.reduce((n, u) => n + u.warningCounts[l], 0), color: LEVEL_COLORS[l],
  }))), [monitoring]);
  const height = 60 + 40 * monitoring.units.length;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}><Card className="page-card" title={t('monitoring.bureau.byExecution')}><LazyChart option={byExecution} height={height} testId="execution-ranking-chart" /></Card></Col>
      <Col xs={24} lg={12}><Card className="page-card" title={t('monitoring.bureau.byScore')}>{byScore ? <LazyChart option={byScore} height={height} testId="score-ranking-chart" /> : <Empty />}</Card></Col>
      <Col xs={24} lg={12}><Card className="page-card" title={t('monitoring.bureau.grades')}>{grades ? <LazyChart option={grades} height={220} testId="grade-chart" /> : <Empty />}</Card></Col>
      <Col xs={24} lg={12}><Card className="page-card" title={t('monitoring.bureau.warnings')}><LazyChart option={warnings} height={220} testId="bureau-warnings-chart" /></Card></Col>
    </Row>
  );
}
