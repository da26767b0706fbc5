import { Button, Modal } from 'antd';
import { useMemo, useState } from 'react';
import type { WorkflowView } from '../../contract/workflow.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { approvedVersionToCompare } from './adjustment.ts';
import { VersionDiff } from './VersionDiff.tsx';

/** "与已批复版本比较": the approved version stays readable, and what the adjustment changed is shown. */
export function CompareApproved({ unitCode, year, view }: { unitCode: string; year: number; view: WorkflowView }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const approved = approvedVersionToCompare(view);
  const initial = useMemo(() => (approved ? { from: approved.number, to: 'current' as const } : undefined), [approved]);
  if (!approved) return null;
  return (
    <>
      <Button type="link" onClick={() => setOpen(true)} data-testid="compare-approved">
        {t('workflow.compareApproved')}
      </Button>
      <Modal
        open={open}
        width={960}
        footer={null}
        title={t('workflow.compareApprovedTitle', { n: approved.number })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <VersionDiff unitCode={unitCode} year={year} versions={view.versions} initial={initial} />
      </Modal>
    </>
  );
}
