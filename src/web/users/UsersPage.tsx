import { App, Button, Card, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../contract/accounts.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchUsers, patchUser, resetPassword } from './api.ts';
import { UserDialog } from './UserDialog.tsx';

const PAGE_SIZE = 20;
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** 用户管理 (/admin/users, administrators): list with last sign-in, create, edit role/org, disable, reset password. */
export default function UsersPage() {
  return (
    <App>
      <Users />
    </App>
  );
}

function Users() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [oneTime, setOneTime] = useState<{ username: string; password: string } | null>(null);
  const { data, error, loading, reload } = useAsync(
    () => fetchUsers({ page, pageSize: PAGE_SIZE, search: search || undefined }),
    `${page}/${search}`,
  );

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      reload();
    } catch (failure) {
      void message.error(errorMessage(failure, t));
    }
  };
  const reset = (user: UserView) =>
    act(async () => {
      const answer = await resetPassword(user.username);
      setOneTime({ username: answer.username, password: answer.oneTimePassword });
    });

  const columns = [
    { title: t('users.username'), dataIndex: 'username', width: 150 },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 120,
      render: (role: UserView['role']) => t(`auth.role.${role}`),
    },
    { title: t('users.orgCode'), dataIndex: 'orgCode', width: 120, render: (code: string) => code || '—' },
    { title: t('users.status'), width: 170, render: (_: unknown, user: UserView) => <Status user={user} /> },
    {
      title: t('users.lastSignIn'),
      dataIndex: 'lastSignInAt',
      width: 170,
      render: (at: string | null) =>
        at ? when(at) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
    {
      title: '',
      width: 230,
      render: (_: unknown, user: UserView) => (
        <Space size="small" data-testid={`user-actions-${user.username}`}>
          <Button size="small" onClick={() => setEditing(user)}>
            {t('users.edit')}
          </Button>
          {user.disabled ? (
            <Button size="small" onClick={() => void act(() => patchUser(user.username, { disabled: false }))}>
              {t('users.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('users.disableConfirm', { name: user.username })}
              onConfirm={() => act(() => patchUser(user.username, { disabled: true }))}
            >
              <Button size="small" danger>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm title={t('users.resetConfirm', { name: user.username })} onConfirm={() => reset(user)}>
            <Button size="small" data-testid={`user-reset-${user.username}`}>
              {t('users.reset')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      className="page-card"
      title={t('users.title')}
      data-testid="users-page"
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t('users.search')}
            style={{ width: 240 }}
            onSearch={(value) => {
              setSearch(value.trim());
              setPage(1);
            }}
          />
          <Button type="primary" onClick={() => setEditing('new')} data-testid="user-add">
            {t('users.add')}
          </Button>
        </Space>
      }
    >
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <Table<UserView>
        rowKey="username"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('users.total', { n }),
        }}
      />
      {editing && (
        <UserDialog
          user={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void message.success(editing === 'new' ? t('users.created', { name: saved }) : t('users.saved'));
              reload();
            }
          }}
        />
      )}
      <Modal
        open={oneTime !== null}
        title={oneTime ? t('users.oneTimeTitle', { name: oneTime.username }) : ''}
        onOk={() => setOneTime(null)}
        onCancel={() => setOneTime(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph>{t('users.oneTimeHint')}</Typography.Paragraph>
        <Typography.Text code copyable strong style={{ fontSize: 18 }} data-testid="one-time-password">
          {oneTime?.password}
        </Typography.Text>
      </Modal>
    </Card>
  );
}

function Status({ user }: { user: UserView }) {
  const { t } = useI18n();
  const tags = [];
  if (user.disabled)
    tags.push(
      <Tag key="disabled" color="default">
        {t('users.disabled')}
      </Tag>,
    );
  if (user.mustChangePassword)
    tags.push(
      <Tag key="change" color="orange">
        {t('users.mustChange')}
      </Tag>,
    );
  if (user.lockedUntil)
    tags.push(
      <Tag key="locked" color="red">
        {t('users.lockedUntil', { time: when(user.lockedUntil) })}
      </Tag>,
    );
  return tags.length > 0 ? <>{tags}</> : <Tag color="green">{t('users.active')}</Tag>;
}
