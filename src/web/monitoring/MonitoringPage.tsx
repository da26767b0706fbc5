import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Select, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { UnitMonitoringView } from '../../contract/monitoring.ts';
import { Link } from '../app/router.tsx';
import { useMayUse } from '../workflow/use-can-edit.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatYuan } from '../shared/format.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { ReportDownloads } from '../reports/ReportDownloads.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchMonitoring } from './api.ts';
import { countPieOption, spendingChartOption, warningsChartOption } from './chart-options.ts';
import { EntryForms, type EntryKind } from './EntryForms.tsx';
import { LazyChart } from './LazyChart.tsx';
import { MonitoringTable } from './MonitoringTable.tsx';
import { PaymentUpload } from './PaymentUpload.tsx';
import { ActionsPanel, RoundsPanel } from './RoundsPanel.tsx';
import { WarningList } from './WarningList.tsx';
import './monitoring.css';
import { warningLevelText } from '../i18n/vocabulary.ts';

interface Props {
  unitCode: string;
  year: number;
}

/** 绩效运行监控: the 监控表, entry, warnings and the actions that follow them up, charts. */
export default function MonitoringPage(props: Props) {
  return (
    <App>
      <Monitoring {...props} />
    </App>
  );
}

function Monitoring({ unitCode, year }: Props) {
  const { t } = useI18n();
  const [asOfMonth, setAsOfMonth] = useState<number | undefined>(undefined);
  const { data, error, reload } = useAsync(
    () => fetchMonitoring(unitCode, year, asOfMonth),
    `${unitCode}/${year}/${asOfMonth ?? ''}`,
  );
  const [entry, setEntry] = useState<EntryKind | null>(null);
  const [uploading, setUploading] = useState(false);
  const canEdit = useMayUse('monitoring:edit');
  const canAct = useMayUse('monitoring:act');

  if (!data)
    return error !== undefined ? (
      <LoadError error={error} onRetry={reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );
  const month = data.asOfMonth;
  return (
    <div className="monitoring-page" data-testid="monitoring-page">
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <Card
        className="page-card"
        title={<span className="dept-title">{t('monitoring.title')}</span>}
        extra={<Link to={{ name: 'department', unitCode, year }}>{t('monitoring.back')}</Link>}
      >
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('dept.unitCode')}>{data.unit.code}</Descriptions.Item>
          <Descriptions.Item label={t('dept.unitName')}>{data.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('dept.fiscalYear')}>{t('dept.yearLabel', { year })}</Descriptions.Item>
          <Descriptions.Item label={t('monitoring.asOf')}>
            <Select
              size="small"
              aria-label={t('monitoring.asOf')}
              value={month}
              style={{ width: 120 }}
              options={Array.from({ length: 12 }, (_, i) => ({
                value: i + 1,
                label: t('monitoring.monthEnd', { month: i + 1 }),
              }))}
              onChange={setAsOfMonth}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.checkpoint')}>
            {data.policy.checkpoints.map((c) => t('monitoring.monthEnd', { month: c.month })).join('、')}
          </Descriptions.Item>
        </Descriptions>
        <ReportDownloads unitCode={unitCode} year={year} kind="monitoring" asOfMonth={month} />
        {canEdit && (
          <Space wrap className="monitoring-actions">
            <Button type="primary" onClick={() => setEntry('spending')}>
              {t('monitoring.enterSpending')}
            </Button>
            <Button onClick={() => setEntry('progress')}>{t('monitoring.enterProgress')}</Button>
            <Button onClick={() => setEntry('entry')}>{t('monitoring.enterEntry')}</Button>
            <Button onClick={() => setEntry('budget')}>{t('monitoring.adjustBudget')}</Button>
            <Button icon={<UploadOutlined />} onClick={() => setUploading(true)}>
              {t('monitoring.importPayments')}
            </Button>
          </Space>
        )}
      </Card>
      <Totals data={data} />
      <Card className="page-card" title={t('monitoring.rounds')}>
        <RoundsPanel data={data} unitCode={unitCode} year={year} canEdit={canEdit} onChange={reload} />
      </Card>
      <Card className="page-card" title={`${t('monitoring.actions')}（${data.actions.length}）`}>
        <ActionsPanel data={data} unitCode={unitCode} year={year} canEdit={canEdit} canAct={canAct} onChange={reload} />
      </Card>
      <Card className="page-card" title={`${t('monitoring.warnings')}（${data.warnings.length}）`}>
        <WarningList warnings={data.warnings} />
      </Card>
      <Charts data={data} />
      <Card className="page-card" title={t('monitoring.table')} data-testid="monitoring-tables">
        {data.projects.map((project, i) => (
          <MonitoringTable key={project.code} project={project} seq={i + 1} asOfMonth={month} />
        ))}
      </Card>
      <EntryForms
        kind={entry}
        unitCode={unitCode}
        year={year}
        projects={data.projects}
        defaultMonth={entry === 'spending' ? month : entryMonth(data)}
        onClose={() => setEntry(null)}
        onSaved={reload}
      />
      <PaymentUpload
        open={uploading}
        unitCode={unitCode}
        year={year}
        onClose={() => setUploading(false)}
        onImported={reload}
      />
    </div>
  );
}

/** The checkpoint the unit is working on: the first not yet submitted whose month has ended, else the first. */
/**
 * The month the unit reports for now: the first checkpoint open or overdue, else the next one not submitted (a
 * submitted one is locked), else the month being viewed.
 */
function entryMonth(data: UnitMonitoringView): number {
  const due =
    data.checkpoints.find((c) => c.state === 'open' || c.state === 'overdue') ??
    data.checkpoints.find((c) => c.state !== 'submitted');
  return due?.month ?? data.asOfMonth;
}

function Totals({ data }: { data: UnitMonitoringView }) {
  const { t } = useI18n();
  return (
    <Card className="page-card" title={t('monitoring.totals')} data-testid="monitoring-totals">
      <Descriptions column={{ xs: 1, md: 4 }} size="small">
        <Descriptions.Item label={t('monitoring.initialBudget')}>
          {formatYuan(data.totals.initialBudget)}
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.adjustedBudget')}>{formatYuan(data.totals.budget)}</Descriptions.Item>
        <Descriptions.Item label={`${t('monitoring.spent')}（${t('monitoring.monthEnd', { month: data.asOfMonth })}）`}>
          {formatYuan(data.totals.spentToDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('monitoring.rate')}>
          {data.totals.executionRate === null ? '—' : `${data.totals.executionRate}%`}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Charts({ data }: { data: UnitMonitoringView }) {
  const { t } = useI18n();
  const [code, setCode] = useState(data.projects[0]?.code);
  const project = data.projects.find((p) => p.code === code) ?? data.projects[0];
  const spending = useMemo(
    () =>
      project &&
      spendingChartOption(project, data.asOfMonth, {
        plan: t('monitoring.chart.plan'),
        actual: t('monitoring.chart.actual'),
        monthly: t('monitoring.chart.monthly'),
        yuan: t('monitoring.chart.yuan'),
        monthName: (m) => t('table.monthEnd', { month: m }).replace('底', ''),
      }),
    [project, data.asOfMonth, t],
  );
  const warnings = useMemo(
    () =>
      warningsChartOption(data.projects, data.warnings, {
        提示: warningLevelText('提示', t),
        警示: warningLevelText('警示', t),
        重点监控: warningLevelText('重点监控', t),
      }),
    [data, t],
  );
  const likelihood = useMemo(() => {
    const latest = data.projects.flatMap((p) =>
      p.indicators.map(
        (i) => i.progress.filter((x) => x.month <= data.asOfMonth).at(-1)?.likelihood ?? t('monitoring.notEntered'),
      ),
    );
    const count = (name: string) => latest.filter((l) => l === name).length;
    return countPieOption([
      { name: '确定能', value: count('确定能'), color: '#389e0d' },
      { name: '有可能', value: count('有可能'), color: '#e8a33d' },
      { name: '不可能', value: count('不可能'), color: '#b71c1c' },
      { name: t('monitoring.notEntered'), value: count(t('monitoring.notEntered')), color: '#bfbfbf' },
    ]);
  }, [data, t]);
  if (!project || !spending) return null;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card
          className="page-card"
          title={t('monitoring.chart.spendingTitle')}
          extra={
            <Select
              size="small"
              style={{ width: 260 }}
              value={project.code}
              onChange={setCode}
              options={data.projects.map((p) => ({ value: p.code, label: p.name }))}
              aria-label={t('monitoring.project')}
            />
          }
        >
          <LazyChart option={spending} height={320} testId="spending-chart" />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card className="page-card" title={t('monitoring.chart.likelihoodTitle')}>
          <LazyChart option={likelihood} height={220} testId="likelihood-chart" />
        </Card>
        <Card className="page-card" title={t('monitoring.chart.warningsTitle')}>
          <LazyChart
            option={warnings}
            height={Math.max(90, 40 + 36 * new Set(data.warnings.map((w) => w.project)).size)}
            testId="warnings-chart"
          />
        </Card>
      </Col>
    </Row>
  );
}
