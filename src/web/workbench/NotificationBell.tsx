import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty } from 'antd';
import { useEffect, useState } from 'react';
import type { Notification, NotificationPage } from '../../contract/notifications.ts';
import { navigate, useRoute } from '../app/router.tsx';
import { hrefFor } from '../app/routes.ts';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { actionKindText } from '../i18n/vocabulary.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { fetchNotifications, markNotificationRead } from './api.ts';
import { routeOf } from './item-route.ts';
import './workbench.css';

const FIRST_PAGE = 20;

/**
 * The header's bell (decision 037): the unread count, asked again on every page change; opening it lists
 * the notifications, unread first; choosing one marks it read and opens the page to act on.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { user } = useSession();
  // Asked again on every page change: the path, not the route object (a new one each render).
  const path = hrefFor(useRoute());
  const [open, setOpen] = useState(false);
  const [pageSize, setPageSize] = useState(FIRST_PAGE);
  const [page, setPage] = useState<NotificationPage | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);
  const signedIn = user !== null;

  useEffect(() => {
    if (!signedIn) return undefined;
    let current = true;
    fetchNotifications(pageSize).then(
      (next) => {
        if (!current) return;
        setPage(next);
        setError(undefined);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [signedIn, path, open, pageSize, generation]);

  if (!signedIn) return null;
  const unread = page?.unread ?? 0;
  const choose = async (notification: Notification) => {
    if (notification.readAt === null) await markNotificationRead(notification.id).catch(() => undefined);
    setOpen(false);
    navigate(routeOf(notification));
  };
  const readAll = async () => {
    await markNotificationRead('all').catch(setError);
    setGeneration((g) => g + 1);
  };
  return (
    <>
      <Button
        className="notification-bell"
        type="text"
        aria-label={unread > 0 ? t('notifications.unread', { n: unread }) : t('notifications.bell')}
        data-testid="notification-bell"
        onClick={() => setOpen(true)}
        icon={
          <Badge count={unread} size="small" data-testid="notification-count">
            <BellOutlined className="notification-bell-icon" />
          </Badge>
        }
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={360}
        title={t('notifications.title')}
        extra={
          unread > 0 && (
            <Button size="small" onClick={() => void readAll()} data-testid="notifications-read-all">
              {t('notifications.readAll')}
            </Button>
          )
        }
      >
        {error !== undefined && <LoadError error={error} onRetry={() => setGeneration((g) => g + 1)} />}
        {page && page.total === 0 && <Empty description={t('notifications.empty')} />}
        <ul className="notification-list" data-testid="notification-list">
          {page?.items.map((n) => (
            <NotificationRow key={n.id} notification={n} onChoose={() => void choose(n)} />
          ))}
        </ul>
        {page && page.total > page.items.length && (
          <Button type="link" onClick={() => setPageSize((size) => Math.min(size + FIRST_PAGE, 200))}>
            {t('notifications.more')}
          </Button>
        )}
      </Drawer>
    </>
  );
}

function NotificationRow({ notification, onChoose }: { notification: Notification; onChoose: () => void }) {
  const { t } = useI18n();
  const p = notification.params;
  const text = t(`notifications.kind.${notification.kind}` as MessageKey, {
    unit: notification.unitCode,
    year: notification.fiscalYear,
    by: String(p['by'] ?? ''),
    action: actionKindText(String(p['action'] ?? ''), t),
    deadline: String(p['deadline'] ?? ''),
  });
  const comment = typeof p['comment'] === 'string' && notification.kind !== 'monitoring-action' ? p['comment'] : null;
  return (
    <li className={notification.readAt === null ? 'notification unread' : 'notification'} data-testid="notification">
      <button type="button" className="notification-open" onClick={onChoose}>
        <span>{text}</span>
        {comment && <span className="notification-comment">{comment}</span>}
        <span className="secondary">{notification.createdAt.slice(0, 16).replace('T', ' ')}</span>
      </button>
    </li>
  );
}
