import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tooltip } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { documentUrl, TEMPLATE_URL } from './api.ts';
import { useDownload } from './download.ts';
import { useCanEditTargets } from '../workflow/use-can-edit.ts';

// The dialog (antd Upload, Table, Modal) loads only when someone imports.
const UploadDialog = lazy(() => import('./UploadDialog.tsx'));

/**
 * On the department page: download the unit-year as Word / PDF / Excel, the blank template, and import
 * a file — offered only to a role that edits targets, and disabled with the reason while they are locked.
 */
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
  const editing = useCanEditTargets(unitCode, year);
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
        {editing.show && (
          <Tooltip title={editing.reason}>
            <Button
              icon={<UploadOutlined />}
              disabled={!editing.canEdit}
              onClick={() => setUploading(true)}
              data-testid="open-upload"
              data-reason={editing.reason ?? undefined}
            >
              {t('files.upload')}
            </Button>
          </Tooltip>
        )}
      </Space>
      {uploading && editing.canEdit && (
        <Suspense fallback={null}>
          <UploadDialog unitCode={unitCode} year={year} onClose={() => setUploading(false)} onImported={onImported} />
        </Suspense>
      )}
    </Card>
  );
}
