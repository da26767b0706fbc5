import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { InstanceState } from '../../contract/instance.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fetchInstance } from './instance-api.ts';
import { signIn } from './session.ts';

interface Credentials {
  username: string;
  password: string;
}

/** 登录: shown in place of any page while nobody is signed in; the page itself appears after. */
export default function LoginPage() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The demo accounts are shown only where they exist (GET /api/instance): never on a real install.
  const [instance, setInstance] = useState<InstanceState | null>(null);
  useEffect(() => {
    let current = true;
    fetchInstance().then(
      (state) => current && setInstance(state),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <div className="login-page" data-testid="login-page">
      <Card className="login-card" title={t('auth.title')}>
        <p className="secondary">{t('auth.subtitle')}</p>
        {error && <Alert className="login-error" type="error" showIcon title={error} data-testid="login-error" />}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
        {instance?.needsSetup && (
          <Alert
            className="login-hint"
            type="info"
            showIcon
            title={t('auth.needsSetup')}
            data-testid="login-setup-hint"
          />
        )}
        {instance?.demo && (
          <div className="secondary login-hint" data-testid="login-demo-hint">
            <p>{t('auth.demoHint')}</p>
            <p>{t('auth.demoAccounts')}</p>
          </div>
        )}
      </Card>
    </div>
  );
}
