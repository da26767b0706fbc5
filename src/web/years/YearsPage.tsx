import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { FiscalYear } from '../../contract/fiscal-years.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { closeYear, reopenYear } from './api.ts';
import { refreshYears, useYears } from './current-year.ts';
import { DeadlinesButton } from './DeadlinesButton.tsx';
import { OpenYearForm } from './OpenYearForm.tsx';
import './years.css';

/** 年度管理 (/bureau/years): the bureau's years with status and deadlines, opening a year, closing and reopening. */
export default function YearsPage() {
  return (
    <App>
      <Years />
    </App>
  );
}

function Years() {
  const { t } = useI18n();
  const items = useYears();
  const columns = useColumns();
  return (
    <Card className="page-card" title={t('years.title')} data-testid="years-page">
      <Typography.Paragraph type="secondary">{t('years.subtitle')}</Typography.Paragraph>
      <Table<FiscalYear>
        rowKey={(row) => `${row.orgCode ?? ''}/${row.year}`}
        size="small"
        loading={items === null}
        dataSource={items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('years.empty') }}
      />
      {/* Mounted once the years are known, so that it suggests the year after the newest. */}
      {items !== null && <OpenYearForm suggestedYear={nextYearAfter(items)} />}
    </Card>
  );
}

function nextYearAfter(items: FiscalYear[]): number {
  return items.length > 0 ? Math.max(...items.map((item) => item.year)) + 1 : new Date().getFullYear();
}

function useColumns(): ColumnsType<FiscalYear> {
  const { t } = useI18n();
  const deadline = (value: string | null) =>
    value ?? <Typography.Text type="secondary">{t('years.noDeadline')}</Typography.Text>;
  return [
    { title: t('years.col.year'), dataIndex: 'year', key: 'year' },
    {
      title: t('years.col.status'),
      key: 'status',
      render: (_, row) =>
        row.status === 'closed' ? (
          <Tag>{t('years.status.closed')}</Tag>
        ) : row.openedAt === null ? (
          <Typography.Text type="secondary">{t('years.status.unopened')}</Typography.Text>
        ) : (
          <Tag color="green">{t('years.status.open')}</Tag>
        ),
    },
    { title: t('years.col.targets'), key: 'targets', render: (_, row) => deadline(row.deadlines.targets) },
    { title: t('years.col.monitoring'), key: 'monitoring', render: (_, row) => deadline(row.deadlines.monitoring) },
    { title: t('years.col.evaluation'), key: 'evaluation', render: (_, row) => deadline(row.deadlines.evaluation) },
    { title: t('years.col.actions'), key: 'actions', render: (_, row) => <YearActions year={row} /> },
  ];
}

/** Close (with a confirmation saying what it means) or reopen (with the reason the audit log keeps). */
function YearActions({ year }: { year: FiscalYear }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      await refreshYears();
      void message.success(done);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  if (year.status === 'closed') {
    return (
      <ReopenButton
        year={year.year}
        busy={busy}
        onReopen={(reason) => run(() => reopenYear(year.year, reason), t('years.reopened', { year: year.year }))}
      />
    );
  }
  const confirmClose = () =>
    modal.confirm({
      title: t('years.close'),
      content: t('years.close.confirm', { year: year.year }),
      okText: t('years.confirm'),
      cancelText: t('years.cancel'),
      okButtonProps: { danger: true },
      onOk: () => run(() => closeYear(year.year), t('years.closed', { year: year.year })),
    });
  return (
    <Space size={4} wrap>
      {year.openedAt !== null && <DeadlinesButton year={year} />}
      <Button size="small" danger loading={busy} onClick={confirmClose} data-testid={`close-year-${year.year}`}>
        {t('years.close')}
      </Button>
    </Space>
  );
}

function ReopenButton({ year, busy, onReopen }: { year: number; busy: boolean; onReopen: (reason: string) => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const ask = () => {
    let reason = '';
    modal.confirm({
      title: t('years.reopen.title', { year }),
      content: (
        <Input.TextArea
          aria-label={t('years.reopen.reason')}
          placeholder={t('years.reopen.reason')}
          maxLength={500}
          onChange={(event) => (reason = event.target.value)}
        />
      ),
      okText: t('years.confirm'),
      cancelText: t('years.cancel'),
      onOk: () => onReopen(reason),
    });
  };
  return (
    <Button size="small" loading={busy} onClick={ask} data-testid={`reopen-year-${year}`}>
      {t('years.reopen')}
    </Button>
  );
}
