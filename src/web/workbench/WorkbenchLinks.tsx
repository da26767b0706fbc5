import { Link } from '../app/router.tsx';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The header's 工作台 (home) link, for every signed-in user; the unit list is linked from the workbench (the bar is full). */
export function WorkbenchLinks() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <span className="overview-link workbench-header-links" data-testid="workbench-links">
      <Link to={{ name: 'workbench' }}>{t('workbench.link')}</Link>
    </span>
  );
}
