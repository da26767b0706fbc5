import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { changePassword } from './api.ts';

interface Passwords {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Length counted in characters (code points), as the server's policy counts it. */
const MIN_LENGTH = 10;

/**
 * Current password, new password twice. The server checks the policy (common passwords, the user
 * name) and answers in words shown here; the form only checks length and the repetition first.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Passwords>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Passwords) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(currentPassword, newPassword);
      form.resetFields();
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Passwords>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      style={{ maxWidth: 420 }}
      data-testid="change-password-form"
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="change-password-error" />
      )}
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('auth.required', { field: t('account.currentPassword') }) }]}
      >
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.passwordRules')}
        rules={[
          {
            validator: (_, value?: string) =>
              [...(value ?? '')].length >= MIN_LENGTH
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.tooShort'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value?: string) =>
              value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="change-password-submit">
        {t('account.save')}
      </Button>
    </Form>
  );
}
