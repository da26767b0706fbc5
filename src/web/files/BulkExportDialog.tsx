import { Alert, Button, Form, Modal, Progress, Select, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type BulkFormat, type BulkProgress, downloadBulk, saveBlob } from './api.ts';

const FORMATS: { value: BulkFormat; label: string }[] = [
  { value: 'docx', label: 'Word (.docx)' },
  { value: 'pdf', label: 'PDF' },
  { value: 'xlsx', label: 'Excel (.xlsx)' },
  { value: 'json', label: 'JSON' },
  { value: 'text', label: '文本 (.txt)' },
];

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Percent of units written, from the job row; 99 at most until the last byte has arrived. */
function percentOf(progress: BulkProgress, finished: boolean): number {
  if (finished) return 100;
  if (progress.units === 0) return 0;
  return Math.min(99, Math.floor((100 * progress.written) / progress.units));
}

/**
 * Year and format, then the download with what is known while it runs: the number of units (header
 * X-Jixiao-Units), the bytes received, and the percentage of units written, which the dialog polls
 * every second from the job the server keeps in PostgreSQL (header X-Jixiao-Job, GET /api/jobs/:id),
 * so it is right whichever server behind the load balancer answers.
 */
export default function BulkExportDialog({ years, onClose }: { years: number[]; onClose: () => void }) {
  const { t } = useI18n();
  const [year, setYear] = useState(Math.max(...years));
  const [format, setFormat] = useState<BulkFormat>('docx');
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [finished, setFinished] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const running = progress !== null && !finished && failure === null;

  const start = async () => {
    setFailure(null);
    setFinished(false);
    setProgress({ units: 0, bytes: 0, written: 0 });
    try {
      const { blob, fileName } = await downloadBulk(year, format, setProgress);
      setFinished(true);
      saveBlob(blob, fileName);
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };

  return (
    <Modal
      open
      title={t('files.bulkTitle')}
      onCancel={onClose}
      footer={[
        <Button key="start" type="primary" loading={running} onClick={start} data-testid="start-bulk-export">
          {t('files.bulkStart')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('files.bulkHint')}</Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t('files.bulkYear')}>
          <Select
            value={year}
            onChange={setYear}
            options={[...years].sort((a, b) => b - a).map((y) => ({ value: y, label: y }))}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item label={t('files.bulkFormat')}>
          <Select value={format} onChange={setFormat} options={FORMATS} style={{ width: 150 }} />
        </Form.Item>
      </Form>
      {progress && (
        <div style={{ marginTop: 16 }} data-testid="bulk-progress">
          <Progress
            percent={percentOf(progress, finished)}
            status={finished ? 'success' : 'active'}
            data-testid="bulk-percent"
          />
          <Typography.Text>
            {finished
              ? t('files.bulkDone', { units: progress.units, size: size(progress.bytes) })
              : t('files.bulkRunning', { units: progress.units, size: size(progress.bytes) })}
          </Typography.Text>
        </div>
      )}
      {failure && <Alert style={{ marginTop: 16 }} type="error" showIcon title={failure} />}
    </Modal>
  );
}
