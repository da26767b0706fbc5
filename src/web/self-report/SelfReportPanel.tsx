import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Skeleton, Space } from 'antd';
import { Suspense, lazy, useMemo, useState } from 'react';
import type { SelfReportView } from '../../contract/self-report.ts';
import {
  completionChartHeight,
  completionChartOption,
  spendingChartOption,
} from '../../domain/charts/self-report-charts.ts';
import { useDownload } from '../files/download.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { isStaleWrite } from '../shared/conflict.ts';
import { useAsync } from '../shared/use-async.ts';
import { userDataCell } from '../shared/user-data.ts';
import { type ReportChoice, fetchSelfReport, saveSection, selfReportFileUrl } from './api.ts';
import { SectionEditor } from './SectionEditor.tsx';
import './self-report.css';

const SelfReportChart = lazy(() => import('./SelfReportChart.tsx'));

interface Props {
  unitCode: string;
  year: number;
  /** The user may edit the unit's 自评 (evaluation:edit). */
  mayEdit: boolean;
}

/** 自评报告 on the 自评 page: pick the department's or a project's report, edit its sections, see its charts, download. */
export function SelfReportPanel({ unitCode, year, mayEdit }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const download = useDownload();
  const [choice, setChoice] = useState<ReportChoice>({ project: null, version: null });
  const loaded = useAsync(
    () => fetchSelfReport(unitCode, year, choice),
    `${unitCode}/${year}/${choice.project ?? ''}/${choice.version ?? ''}`,
  );
  const report = loaded.data;

  const save = async (section: string, text: string | null, expectedVersion: number) => {
    try {
      await saveSection(unitCode, year, section, { project: choice.project, text, expectedVersion });
      void message.success(text === null ? t('selfReport.restored') : t('selfReport.saved'));
    } catch (error) {
      void message.error(isStaleWrite(error) ? t('selfReport.stale') : errorMessage(error, t));
    }
    loaded.reload();
  };

  return (
    <Card className="page-card" title={t('selfReport.title')} data-testid="self-report">
      <Space wrap className="self-report-choices">
        <label>
          {t('selfReport.subject')}{' '}
          <Select
            aria-label={t('selfReport.subject')}
            style={{ minWidth: 220, maxWidth: '100%' }}
            value={choice.project ?? ''}
            onChange={(project: string) => setChoice({ project: project === '' ? null : project, version: null })}
            options={[
              { value: '', label: t('selfReport.department') },
              ...(report?.projects ?? []).map((p) => ({ value: p.code, label: p.name })),
            ]}
            data-testid="self-report-subject"
          />
        </label>
        {report && report.versions.length > 0 && (
          <label>
            {t('selfReport.version')}{' '}
            <Select
              aria-label={t('selfReport.version')}
              style={{ minWidth: 200, maxWidth: '100%' }}
              value={choice.version ?? 0}
              onChange={(version: number) => setChoice({ ...choice, version: version === 0 ? null : version })}
              options={[
                { value: 0, label: t('selfReport.live') },
                ...report.versions.map((v) => ({
                  value: v.version,
                  label: t('selfReport.frozen', { version: v.version, at: v.frozenAt.slice(0, 10), by: v.frozenBy }),
                })),
              ]}
            />
          </label>
        )}
        {(['docx', 'pdf'] as const).map((format) => {
          const url = selfReportFileUrl(unitCode, year, choice, format);
          return (
            <Button
              key={format}
              size="small"
              icon={<DownloadOutlined />}
              href={url}
              download
              onClick={(event) => download(event, url)}
              data-testid={`self-report-${format}`}
            >
              {t(format === 'docx' ? 'selfReport.word' : 'selfReport.pdf')}
            </Button>
          );
        })}
      </Space>
      {loaded.error !== undefined && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {report === undefined && loaded.error === undefined && <Skeleton active />}
      {report && <ReportBody report={report} editable={mayEdit && report.editable} onSave={save} />}
    </Card>
  );
}

function ReportBody({
  report,
  editable,
  onSave,
}: {
  report: SelfReportView;
  editable: boolean;
  onSave: (section: string, text: string | null, expectedVersion: number) => Promise<void>;
}) {
  const { t } = useI18n();
  const spending = useMemo(
    () =>
      spendingChartOption(report.spending, {
        title: t('selfReport.spendingTitle'),
        planned: t('selfReport.planned'),
        actual: t('selfReport.actual'),
        month: (month) => t('selfReport.month', { month }),
      }),
    [report, t],
  );
  const completion = useMemo(
    () =>
      completionChartOption(report.completion, {
        title: t(report.project === null ? 'selfReport.projectsTitle' : 'selfReport.indicatorsTitle'),
        completion: t('selfReport.completion'),
        missed: t('selfReport.missed'),
        notScored: t('selfReport.notScored'),
        unit: report.project === null ? t('selfReport.points') : '%',
      }),
    [report, t],
  );
  const height = completionChartHeight(report.completion.length);
  return (
    <div className="self-report-body">
      <h3 {...userDataCell()}>{report.title}</h3>
      {report.version !== null || report.evaluationStatus === 'final' ? (
        <Alert type="info" showIcon title={t('selfReport.frozenNotice')} />
      ) : null}
      {report.sections.map((section) => (
        <div key={`${report.project ?? ''}/${report.version ?? ''}/${section.key}/${section.version}`}>
          <SectionEditor section={section} editable={editable} onSave={onSave} />
          {section.key === 'goals' && (
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
              <SelfReportChart option={spending} height={300} testId="self-report-spending-chart" />
              <SelfReportChart option={completion} height={height} testId="self-report-completion-chart" />
            </Suspense>
          )}
        </div>
      ))}
    </div>
  );
}
