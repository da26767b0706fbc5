import { AuditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { OverallTargets } from '../../domain/targets.ts';
import { navigate } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { NarrativeIndicatorsTable } from './NarrativeIndicatorsTable.tsx';

/** On the department page: the extracted overall indicator table, with the way to the review page. */
export function DepartmentReview({
  unitCode,
  year,
  overall,
}: {
  unitCode: string;
  year: number;
  overall: OverallTargets;
}) {
  const { t } = useI18n();
  const open = (
    <Button
      icon={<AuditOutlined />}
      data-testid="open-review"
      onClick={() => navigate({ name: 'review', unitCode, year })}
    >
      {t('review.open')}
    </Button>
  );
  return <NarrativeIndicatorsTable overall={overall} extra={open} />;
}
