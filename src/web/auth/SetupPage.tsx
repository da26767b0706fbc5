import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { postSetup } from './instance-api.ts';
import './auth.css';

interface SetupForm {
  username: string;
  displayName?: string;
  password: string;
  confirm: string;
}

/** The token of the link `jixiao serve` printed: in the fragment, which no server log or Referer sees. */
function tokenFromLocation(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token && token.length > 0 ? token : null;
}

/**
 * /setup#token=…: the first administrator, from the one-time link printed on the server console.
 * Shown without signing in; on success the answer has signed the administrator in, and the page
 * reloads the app at / (which drops the token from the address bar and history).
 */
export default function SetupPage() {
  const { t } = useI18n();
  const [token] = useState(tokenFromLocation);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, displayName, password }: SetupForm) => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      await postSetup({ token, username: username.trim(), displayName: displayName?.trim() || undefined, password });
      window.location.replace('/');
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <div className="login-page" data-testid="setup-page">
      <Card className="login-card" title={t('setup.title')}>
        <p className="secondary">{t('setup.intro')}</p>
        {!token && (
          <Alert
            className="login-error"
            type="warning"
            showIcon
            title={t('setup.noToken')}
            data-testid="setup-no-token"
          />
        )}
        {error && <Alert className="login-error" type="error" showIcon title={error} data-testid="setup-error" />}
        <Form<SetupForm>
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{ username: 'admin' }}
          disabled={!token}
        >
          <Form.Item
            name="username"
            label={t('setup.username')}
            rules={[{ required: true, message: t('auth.required', { field: t('setup.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="setup-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('setup.displayName')}>
            <Input data-testid="setup-display-name" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('setup.password')}
            extra={t('setup.passwordHelp')}
            rules={[{ required: true, message: t('auth.required', { field: t('setup.password') }) }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="new-password"
              autoFocus
              data-testid="setup-password"
            />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('setup.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('auth.required', { field: t('setup.confirm') }) },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('setup.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="setup-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
