import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useDownload } from '../files/download.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type ReportFormat, type ReportKind, reportUrl } from './api.ts';

interface Props {
  unitCode: string;
  year: number;
  kind: ReportKind;
  /** The 监控表's month-end, as chosen on the page. */
  asOfMonth?: number;
}

const FORMATS: { format: ReportFormat; label: 'files.word' | 'files.excel' | 'files.pdf' }[] = [
  { format: 'docx', label: 'files.word' },
  { format: 'xlsx', label: 'files.excel' },
  { format: 'pdf', label: 'files.pdf' },
];

/** The 自评表 or 监控表 in its official layout as Word, Excel or PDF: fetched on click (429 BUSY waited out), then saved. */
export function ReportDownloads({ unitCode, year, kind, asOfMonth }: Props) {
  const { t } = useI18n();
  const download = useDownload();
  const caption = kind === 'evaluation' ? t('reports.evaluation') : t('reports.monitoring', { month: asOfMonth ?? 12 });
  return (
    <Space size="small" wrap className="report-downloads" data-testid={`${kind}-downloads`}>
      <span>{caption}</span>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          href={reportUrl(unitCode, year, kind, format, asOfMonth)}
          download
          onClick={(event) => download(event, reportUrl(unitCode, year, kind, format, asOfMonth))}
          data-testid={`${kind}-download-${format}`}
        >
          {t(label)}
        </Button>
      ))}
    </Space>
  );
}
