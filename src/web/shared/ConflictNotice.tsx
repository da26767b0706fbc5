import { Alert, App, Button, Space } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { conflictText } from './conflict.ts';
import { confirmDiscard } from './useUnsavedChanges.ts';

interface Props {
  /** The stale write's 409 (isStaleWrite). */
  error: unknown;
  /** Shows the server's version, dropping the user's edits (asked first). */
  onReload: () => void;
  /** Hides the notice; the edits stay in the form (to copy, or to save again later). */
  onDismiss: () => void;
}

/**
 * "此记录已被 张三 于 2026-12-07 10:32 修改。您的修改尚未保存。" beside a form that still holds the
 * user's edits, with 重新加载 (after confirming the loss) and 取消. The one wording of a stale save.
 */
export function ConflictNotice({ error, onReload, onDismiss }: Props) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const reload = async () => {
    if (await confirmDiscard(modal, t, 'reload')) onReload();
  };
  return (
    <Alert
      type="warning"
      showIcon
      className="conflict-notice"
      data-testid="conflict-notice"
      title={conflictText(error, t, 'unsaved')}
      action={
        <Space>
          <Button size="small" type="primary" onClick={() => void reload()} data-testid="conflict-reload">
            {t('conflict.reload')}
          </Button>
          <Button size="small" onClick={onDismiss} data-testid="conflict-dismiss">
            {t('conflict.dismiss')}
          </Button>
        </Space>
      }
    />
  );
}
