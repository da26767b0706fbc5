import { HistoryOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { PERMISSION_TABLE } from '../../domain/permissions.ts';
import { navigate } from '../app/router.tsx';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Opens the unit-year's audit log; shown only to roles that may read it (reviewers, auditors). */
export function AuditLink({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user || PERMISSION_TABLE[user.role]['audit:read'] === 'none') return null;
  return (
    <Button
      icon={<HistoryOutlined />}
      onClick={() => navigate({ name: 'audit', unitCode, year })}
      data-testid="open-audit"
    >
      {t('audit.open')}
    </Button>
  );
}
