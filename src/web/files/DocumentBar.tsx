import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { documentUrl, TEMPLATE_URL } from './api.ts';
import { useDownload } from './download.ts';

// The dialog (antd Upload, Table, Modal) loads only when someone imports.
const UploadDialog = lazy(() => import('./UploadDialog.tsx'));

/** On the department page: download the unit-year as Word / PDF / Excel, the blank template, and import a file. */
export function DocumentBar({
  unitCode,
  year,
  onImported,
}: {
  unitCode: string;
  year: number;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const download = useDownload();
  // Fetched on click (429 BUSY is waited out, decision 022); the href stays for "open in new tab".
  const link = (href: string, label: string, testId: string) => (
    <Button
      icon={<DownloadOutlined />}
      href={href}
      download
      onClick={(event) => download(event, href)}
      data-testid={testId}
    >
      {label}
    </Button>
  );
  return (
    <Card size="small" className="page-card" data-testid="document-bar">
      <Space wrap>
        {link(documentUrl(unitCode, year, 'docx'), t('files.word'), 'download-docx')}
        {link(documentUrl(unitCode, year, 'pdf'), t('files.pdf'), 'download-pdf')}
        {link(documentUrl(unitCode, year, 'xlsx'), t('files.excel'), 'download-xlsx')}
        <Button icon={<FileExcelOutlined />} href={TEMPLATE_URL} download data-testid="download-template">
          {t('files.template')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="open-upload">
          {t('files.upload')}
        </Button>
      </Space>
      {uploading && (
        <Suspense fallback={null}>
          <UploadDialog unitCode={unitCode} year={year} onClose={() => setUploading(false)} onImported={onImported} />
        </Suspense>
      )}
    </Card>
  );
}
