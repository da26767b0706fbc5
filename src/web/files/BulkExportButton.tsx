import { CloudDownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { PERMISSION_TABLE } from '../../domain/permissions.ts';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';

const BulkExportDialog = lazy(() => import('./BulkExportDialog.tsx'));

/** On the unit list: every unit of a year as one .zip, with progress; the dialog loads on demand. */
export function BulkExportButton({ years }: { years: number[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { user } = useSession();
  // The bureau-wide zip needs overview:read (bureau, department, admin); a unit user downloads its own files.
  if (years.length === 0 || !user || PERMISSION_TABLE[user.role]['overview:read'] === 'none') return null;
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
