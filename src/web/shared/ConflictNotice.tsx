import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { conflictText } from './conflict.ts';
import { type FieldDifference, type FieldNamer, fieldDifferences } from './conflict-diff.ts';
import { confirmDiscard } from './useUnsavedChanges.ts';

/** What 查看差异 compares: the form's unsaved values and the record as stored now. */
export interface ConflictCompare {
  mine: () => unknown;
  stored: () => Promise<unknown>;
  /** The kind of record, for the field names (a project: 'projects'), or the page's own namer of paths. */
  root?: string | FieldNamer;
}

interface Props {
  /** The stale write's 409 (isStaleWrite). */
  error: unknown;
  /** Shows the server's version, dropping the user's edits (asked first). */
  onReload: () => void;
  /** Hides the notice; the edits stay in the form (to copy, or to save again later). */
  onDismiss: () => void;
  /** Offers 查看差异 when given. */
  compare?: ConflictCompare;
}

/**
 * "此记录已被 张三 于 2026-12-07 10:32 修改。您的修改尚未保存。" beside a form that still holds the
 * user's edits, with 查看差异 (the user's values against the stored ones, field by field), 重新加载
 * (after confirming the loss) and 取消. The one wording of a stale save.
 */
export function ConflictNotice({ error, onReload, onDismiss, compare }: Props) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [differences, setDifferences] = useState<FieldDifference[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reload = async () => {
    if (await confirmDiscard(modal, t, 'reload')) onReload();
  };
  const showDifferences = async () => {
    if (!compare) return;
    setFailure(null);
    try {
      setDifferences(
        fieldDifferences(compare.mine(), await compare.stored(), compare.root, t.locale === 'en' ? 'en' : 'zh'),
      );
    } catch (problem) {
      setFailure(errorMessage(problem, t));
    }
  };
  return (
    <>
      <Alert
        type="warning"
        showIcon
        className="conflict-notice"
        data-testid="conflict-notice"
        title={conflictText(error, t, 'unsaved')}
        description={failure ?? undefined}
        action={
          <Space wrap>
            {compare && (
              <Button size="small" onClick={() => void showDifferences()} data-testid="conflict-diff">
                {t('conflict.diff')}
              </Button>
            )}
            <Button size="small" type="primary" onClick={() => void reload()} data-testid="conflict-reload">
              {t('conflict.reload')}
            </Button>
            <Button size="small" onClick={onDismiss} data-testid="conflict-dismiss">
              {t('conflict.dismiss')}
            </Button>
          </Space>
        }
      />
      <Modal
        open={differences !== null}
        title={t('conflict.diffTitle')}
        footer={null}
        width={760}
        onCancel={() => setDifferences(null)}
      >
        {differences?.length === 0 ? (
          <Typography.Text>{t('conflict.noDiff')}</Typography.Text>
        ) : (
          <Table<FieldDifference>
            size="small"
            pagination={false}
            data-testid="conflict-differences"
            rowKey={(row) => row.path.join('.')}
            dataSource={differences ?? []}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('conflict.field'), dataIndex: 'label' },
              { title: t('conflict.mine'), dataIndex: 'mine' },
              { title: t('conflict.stored'), dataIndex: 'stored' },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
