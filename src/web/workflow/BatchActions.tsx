import { App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BatchTransitionResult } from '../../contract/review-opinions.ts';
import { roleMayEver } from '../../domain/workflow/states.ts';
import { useSession } from '../auth/session.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { batchTransition } from './api.ts';

type BatchAction = 'review' | 'approve';
const BATCH_ACTIONS: readonly BatchAction[] = ['review', 'approve'];

/** The batch steps the role takes: 批量审核 for a department, 批量批复 for the bureau, both for an admin. */
export function useBatchActions(): BatchAction[] {
  const { user } = useSession();
  return user === null ? [] : BATCH_ACTIONS.filter((action) => roleMayEver(user.role, action));
}
type Row = BatchTransitionResult['results'][number];

interface Props {
  selected: { unitCode: string; fiscalYear: number }[];
  /** Called after a batch ran, so the table shows the new states. */
  onDone: () => void;
}

/**
 * 批量审核 / 批量批复 of the selected unit-years. The server takes each on its own and refuses any
 * whose forms do not allow it (only 优/良 pass, 财预〔2015〕88号); the result lists every item.
 */
export function BatchActions({ selected, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<BatchAction | null>(null);
  const [results, setResults] = useState<Row[] | null>(null);
  const actions = useBatchActions();

  const run = async (action: BatchAction) => {
    setBusy(action);
    try {
      const answer = await batchTransition({ action, items: selected });
      setResults(answer.results);
      onDone();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };
  const ok = results?.filter((r) => r.ok).length ?? 0;
  if (actions.length === 0) return null;
  return (
    <Space wrap data-testid="batch-actions">
      <Typography.Text type="secondary">{t('workflow.batch.selected', { n: selected.length })}</Typography.Text>
      {actions.map((action) => (
        <Button
          key={action}
          disabled={selected.length === 0}
          loading={busy === action}
          onClick={() => void run(action)}
          data-testid={`batch-${action}`}
        >
          {t(`workflow.batch.${action}`)}
        </Button>
      ))}
      <Typography.Text type="secondary">{t('workflow.batch.hint')}</Typography.Text>
      <Modal
        open={results !== null}
        title={t('workflow.batch.results')}
        footer={null}
        width={720}
        onCancel={() => setResults(null)}
      >
        <Typography.Paragraph>
          {t('workflow.batch.summary', { ok, failed: (results?.length ?? 0) - ok })}
        </Typography.Paragraph>
        <Table<Row>
          size="small"
          pagination={false}
          data-testid="batch-results"
          rowKey={(row) => `${row.unitCode}/${row.fiscalYear}`}
          dataSource={results ?? []}
          columns={[
            { title: t('overview.unit'), dataIndex: 'unitCode' },
            { title: t('overview.year'), dataIndex: 'fiscalYear', width: 80 },
            {
              title: t('overview.state'),
              key: 'result',
              render: (_: unknown, row: Row) =>
                row.ok ? (
                  <Tag color="success">{t('workflow.batch.ok')}</Tag>
                ) : (
                  <span>
                    <Tag color="error">{t('workflow.batch.failed')}</Tag>
                    {row.message}
                  </span>
                ),
            },
          ]}
        />
      </Modal>
    </Space>
  );
}
