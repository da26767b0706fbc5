import { Link } from '../app/router.tsx';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import './workflow.css';

/** Roles that hold overview:read (docs/permissions.md); the server refuses everyone else anyway. */
const OVERVIEW_ROLES = new Set(['admin', 'bureau', 'department', 'auditor']);

/** The header's ways to 审核总览 (/bureau) and 监控总览 (/bureau/monitoring), for reviewers only. Plain markup: it sits on the first page. */
export function OverviewLink() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user || !OVERVIEW_ROLES.has(user.role)) return null;
  return (
    <span className="overview-link" data-testid="overview-link">
      <Link to={{ name: 'bureau' }}>{t('overview.link')}</Link>
      <span className="overview-link-separator" aria-hidden>
        ·
      </span>
      <Link to={{ name: 'bureauMonitoring' }}>{t('monitoring.bureau.open')}</Link>
      {/* Every reviewer role also holds audit:read (docs/permissions.md): 审计日志 over its own units. */}
      <span className="overview-link-separator" aria-hidden>
        ·
      </span>
      <Link to={{ name: 'auditLog' }}>{t('auditLog.link')}</Link>
      {/* 结果应用: results:act (bureau, department, admin; decision 048). */}
      {user.role !== 'auditor' && (
        <>
          <span className="overview-link-separator" aria-hidden>
            ·
          </span>
          <Link to={{ name: 'results' }}>{t('results.link')}</Link>
        </>
      )}
      {(user.role === 'bureau' || user.role === 'admin') && (
        <>
          <span className="overview-link-separator" aria-hidden>
            ·
          </span>
          <Link to={{ name: 'bureauRecheck' }}>{t('recheck.link')}</Link>
          <span className="overview-link-separator" aria-hidden>
            ·
          </span>
          <Link to={{ name: 'policies' }}>{t('policies.link')}</Link>
          <span className="overview-link-separator" aria-hidden>
            ·
          </span>
          <Link to={{ name: 'years' }}>{t('years.link')}</Link>
          <span className="overview-link-separator" aria-hidden>
            ·
          </span>
          <Link to={{ name: 'disclosure' }}>{t('disclosure.link')}</Link>
          <span className="overview-link-separator" aria-hidden>
            ·
          </span>
          <Link to={{ name: 'organisations' }}>{t('orgs.link')}</Link>
        </>
      )}
    </span>
  );
}
