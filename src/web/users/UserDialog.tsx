import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../contract/accounts.ts';
import { ROLES, type Role } from '../../domain/access.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { createUser, patchUser } from './api.ts';

interface Fields {
  username: string;
  displayName?: string;
  email?: string;
  role: Role;
  orgCode?: string;
  password?: string;
}

/**
 * 新建用户 (no `user`) or 编辑 one: role, organisation, display name, e-mail address (editing only). The server checks that the
 * organisation exists and fits the role, and the password policy; its words are shown here.
 */
export function UserDialog({ user, onClose }: { user: UserView | null; onClose: (saved: string | null) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Fields>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const fields = await form.validateFields();
    const orgCode = fields.role === 'admin' ? '' : (fields.orgCode ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      if (user) {
        await patchUser(user.username, {
          role: fields.role,
          orgCode,
          displayName: fields.displayName?.trim() || user.displayName,
          email: fields.email?.trim() ?? '',
        });
      } else {
        await createUser({
          username: fields.username.trim(),
          displayName: fields.displayName?.trim() || undefined,
          role: fields.role,
          orgCode,
          password: fields.password ?? '',
        });
      }
      onClose(user?.username ?? fields.username.trim());
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };

  const initial: Partial<Fields> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        email: user.email ?? '',
        role: user.role,
        orgCode: user.orgCode,
      }
    : { role: 'unit' };
  const required = (field: string) => [{ required: true, message: t('users.required', { field }) }];
  return (
    <Modal
      open
      title={user ? `${t('users.edit')} · ${user.username}` : t('users.add')}
      onOk={() => void save()}
      confirmLoading={busy}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="user-dialog-error" />
      )}
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={initial}
        requiredMark={false}
        data-testid="user-dialog"
      >
        <Form.Item name="username" label={t('users.username')} rules={required(t('users.username'))}>
          <Input disabled={user !== null} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input maxLength={100} data-testid="user-display-name" />
        </Form.Item>
        {user && (
          <Form.Item name="email" label={t('users.email')} extra={t('users.emailHint')}>
            <Input type="email" maxLength={254} autoComplete="off" data-testid="user-email" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t('users.role')} rules={required(t('users.role'))}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))} data-testid="user-role" />
        </Form.Item>
        {role !== 'admin' && (
          <Form.Item
            name="orgCode"
            label={t('users.orgCode')}
            extra={t('users.orgHint')}
            rules={required(t('users.orgCode'))}
          >
            <Input maxLength={64} data-testid="user-org" />
          </Form.Item>
        )}
        {!user && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('account.passwordRules')}
            rules={required(t('users.password'))}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
