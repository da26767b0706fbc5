import { Button, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { signOut, useSession } from './session.ts';
import './auth.css';

// The form (antd Form, icons) is only needed when signed out.
const LoginPage = lazy(() => import('./LoginPage.tsx'));
const ForcedPasswordChange = lazy(() => import('../account/ForcedPasswordChange.tsx'));

/**
 * Shows the page to a signed-in user, the sign-in form otherwise (also after any 401), and only the
 * password change to a user signed in with a one-time password.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  if (session.status === 'loading') return <Spin className="page-spin" description={t('app.loading')} />;
  if (!session.user) {
    return (
      <Suspense fallback={<Spin className="page-spin" description={t('app.loading')} />}>
        <LoginPage />
      </Suspense>
    );
  }
  if (session.mustChangePassword) {
    return (
      <Suspense fallback={<Spin className="page-spin" description={t('app.loading')} />}>
        <ForcedPasswordChange />
      </Suspense>
    );
  }
  return children;
}

/** The header's corner: who is signed in, as what, their account, the user administration for admins, and the way out. */
export function UserMenu() {
  const { t } = useI18n();
  const { user, mustChangePassword } = useSession();
  if (!user) return null;
  return (
    <span className="user-menu" data-testid="user-menu">
      <span>
        {user.displayName}（{t(`auth.role.${user.role}`)}）
      </span>
      {!mustChangePassword && (
        <Link to={{ name: 'account' }}>
          <span data-testid="account-link">{t('account.link')}</span>
        </Link>
      )}
      {!mustChangePassword && user.role === 'admin' && (
        <Link to={{ name: 'users' }}>
          <span data-testid="users-link">{t('users.link')}</span>
        </Link>
      )}
      <Button size="small" ghost onClick={() => void signOut()} data-testid="sign-out">
        {t('auth.signOut')}
      </Button>
    </span>
  );
}
