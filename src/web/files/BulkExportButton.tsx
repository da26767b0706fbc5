import { CloudDownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useMayUse } from '../workflow/use-can-edit.ts';

const BulkExportDialog = lazy(() => import('./BulkExportDialog.tsx'));

/** On the unit list: every unit of a year as one .zip, with progress; the dialog loads on demand. */
export function BulkExportButton({ years }: { years: number[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // The bureau-wide zip needs overview:read (bureau, department, admin); a unit user downloads its own files.
  const mayExport = useMayUse('overview:read');
  if (years.length === 0 || !mayExport) return null;
  return (
    <>
      <Button icon={<CloudDownloadOutlined />} onClick={() => setOpen(true)} data-testid="open-bulk-export">
        {t('files.bulk')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <BulkExportDialog years={years} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
