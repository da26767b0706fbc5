import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AuditLogEntryView, MAX_AUDIT_EXPORT_ROWS } from '../../contract/audit-log.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionEntity } from '../../contract/audit-words.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { type AuditLogFilters, auditXlsxUrl, fetchAuditLog } from './api.ts';
import { auditWords } from './audit-sentence.ts';
import './audit.css';

const PAGE_SIZE = 20;

interface FormValues {
  user?: string;
  unit?: string;
  action?: string;
  entity?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** The chosen local days as instants: from the first day's start to the day after the last (exclusive). */
function toFilters(values: FormValues): AuditLogFilters {
  const [from, to] = values.dates ?? [null, null];
  return {
    user: values.user?.trim() || undefined,
    unit: values.unit?.trim() || undefined,
    action: values.action,
    entity: values.entity,
    from: from ? from.startOf('day').toDate().toISOString() : undefined,
    to: to ? to.startOf('day').add(1, 'day').toDate().toISOString() : undefined,
  };
}

/** 审计日志 (/bureau/audit): the whole log the reader may see, in plain words, filtered, to Excel. */
export default function AuditLogPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [filters, setFilters] = useState<AuditLogFilters>({});
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(
    () => fetchAuditLog(filters, page, PAGE_SIZE),
    `${JSON.stringify(filters)}/${page}`,
  );
  const apply = (values: FormValues) => {
    setFilters(toFilters(values));
    setPage(1);
  };
  const tooMany = (data?.total ?? 0) > MAX_AUDIT_EXPORT_ROWS;
  const option = (group: 'action' | 'entity') => (value: string) => ({
    value,
    label:
      group === 'entity'
        ? t(`auditLog.entity.${value}` as MessageKey)
        : `${t(`auditLog.action.${value}` as MessageKey)} ${t(`auditLog.entity.${actionEntity(value)}` as MessageKey)}`,
  });
  const columns = [
    {
      title: t('auditLog.what'),
      key: 'what',
      render: (_: unknown, entry: AuditLogEntryView) => <EntryWords entry={entry} />,
    },
    {
      title: t('auditLog.unitColumn'),
      key: 'unit',
      width: 200,
      render: (_: unknown, entry: AuditLogEntryView) =>
        entry.unitCode ? `${entry.unitCode} ${entry.unitName ?? ''}`.trim() : '—',
    },
  ];
  return (
    <Card className="page-card" title={t('auditLog.title')} data-testid="audit-log-page">
      <Typography.Paragraph type="secondary">{t('auditLog.subtitle')}</Typography.Paragraph>
      <Form form={form} layout="inline" className="audit-filters" onFinish={apply}>
        <Form.Item name="user" label={t('auditLog.user')}>
          <Input allowClear placeholder={t('auditLog.userHint')} data-testid="audit-filter-user" />
        </Form.Item>
        <Form.Item name="unit" label={t('auditLog.unit')}>
          <Input allowClear placeholder={t('auditLog.unitHint')} data-testid="audit-filter-unit" />
        </Form.Item>
        <Form.Item name="action" label={t('auditLog.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('auditLog.allActions')}
            className="audit-filter-select"
            options={Object.keys(AUDIT_ACTIONS).map(option('action'))}
          />
        </Form.Item>
        <Form.Item name="entity" label={t('auditLog.entity')}>
          <Select
            allowClear
            placeholder={t('auditLog.allEntities')}
            className="audit-filter-select"
            options={Object.keys(AUDIT_ENTITIES).map(option('entity'))}
          />
        </Form.Item>
        <Form.Item name="dates" label={t('auditLog.dates')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            {t('auditLog.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t('auditLog.clear')}
          </Button>
          <Button icon={<DownloadOutlined />} href={auditXlsxUrl(filters)} download disabled={tooMany || !data}>
            {t('auditLog.export')}
          </Button>
        </Space>
      </Form>
      {tooMany && (
        <Alert
          type="info"
          showIcon
          className="audit-note"
          title={t('auditLog.tooMany', { n: data?.total ?? 0, max: MAX_AUDIT_EXPORT_ROWS })}
        />
      )}
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <Table<AuditLogEntryView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('auditLog.empty')} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('auditLog.total', { n }),
        }}
      />
    </Card>
  );
}

function EntryWords({ entry }: { entry: AuditLogEntryView }) {
  const { t } = useI18n();
  const words = auditWords(t, entry);
  return (
    <div className="audit-entry" data-testid="audit-entry">
      <div>{words.sentence}</div>
      {words.changes.map((line) => (
        <div key={line} className="audit-change" lang={words.changesLang}>
          {line}
        </div>
      ))}
    </div>
  );
}
