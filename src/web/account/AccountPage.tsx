import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { OwnSessionView } from '../../contract/accounts.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { signOut, useSession } from '../auth/session.ts';
import { endOwnSession, fetchOwnSessions } from './api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** 我的账号 (/account): change one's own password; see one's sessions and end any of them. */
export default function AccountPage() {
  return (
    <App>
      <Account />
    </App>
  );
}

function Account() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const sessions = useAsync(fetchOwnSessions, 'own-sessions');

  const end = async (session: OwnSessionView) => {
    try {
      await endOwnSession(session.id);
      if (session.current) await signOut();
      else sessions.reload();
    } catch (failure) {
      void message.error(errorMessage(failure, t));
    }
  };

  const columns = [
    { title: t('account.createdAt'), dataIndex: 'createdAt', width: 170, render: when },
    { title: t('account.lastSeen'), dataIndex: 'lastSeen', width: 170, render: when },
    { title: t('account.ip'), dataIndex: 'ip', width: 140 },
    {
      title: t('account.userAgent'),
      dataIndex: 'userAgent',
      render: (agent: string, session: OwnSessionView) => (
        <>
          {session.current && <Tag color="blue">{t('account.current')}</Tag>}
          <Typography.Text type="secondary" ellipsis={{ tooltip: agent }} style={{ maxWidth: 420 }}>
            {agent || '—'}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '',
      width: 90,
      render: (_: unknown, session: OwnSessionView) => (
        <Popconfirm title={t('account.endConfirm')} onConfirm={() => end(session)}>
          <Button size="small" danger data-testid={`end-session-${session.current ? 'current' : 'other'}`}>
            {t('account.end')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <div data-testid="account-page">
      <Card
        className="page-card"
        title={`${t('account.title')} · ${user?.displayName ?? ''}（${user?.username ?? ''}）`}
      >
        <Typography.Title level={5}>{t('account.changePassword')}</Typography.Title>
        <ChangePasswordForm
          onChanged={() => {
            void message.success(t('account.changed'));
            sessions.reload();
          }}
        />
      </Card>
      <Card className="page-card" title={t('account.sessions')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('account.sessionsHint')}</Typography.Paragraph>
        {sessions.error !== undefined && <LoadError error={sessions.error} onRetry={sessions.reload} />}
        <Table<OwnSessionView>
          rowKey="id"
          size="small"
          loading={sessions.loading}
          columns={columns}
          dataSource={sessions.data ?? []}
          pagination={false}
          data-testid="own-sessions"
        />
      </Card>
    </div>
  );
}
