import { Alert, Card } from 'antd';
import { passwordChanged } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/**
 * Shown instead of every page after signing in with a one-time password: the server refuses all
 * else (PASSWORD_CHANGE_REQUIRED) until the user has set their own.
 */
export default function ForcedPasswordChange() {
  const { t } = useI18n();
  return (
    <div className="login-page" data-testid="forced-password-change">
      <Card className="login-card" style={{ maxWidth: 460 }} title={t('account.forcedTitle')}>
        <Alert type="warning" showIcon title={t('account.forcedHint')} style={{ marginBottom: 16 }} />
        <ChangePasswordForm onChanged={passwordChanged} />
      </Card>
    </div>
  );
}
