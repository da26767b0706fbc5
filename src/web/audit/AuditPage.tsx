import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { AuditEntryView } from '../../contract/accounts.ts';
import { navigate } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { auditCsvUrl, fetchAudit } from './api.ts';
import { changedFields } from './audit-diff.ts';

const PAGE_SIZE = 20;
const ENTITIES = ['project', 'target-document', 'workflow'];

/** 审计日志: who changed what in a unit-year, newest first, each change field by field; CSV for Excel. */
export default function AuditPage({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const { data, error, loading, reload } = useAsync(
    () => fetchAudit(unitCode, year, { page, pageSize: PAGE_SIZE, entity }),
    `${unitCode}/${year}/${page}/${entity ?? ''}`,
  );
  const columns = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => new Date(at).toLocaleString('zh-CN', { hour12: false }),
    },
    { title: t('audit.actor'), dataIndex: 'actor', width: 120 },
    { title: t('audit.action'), dataIndex: 'action', width: 150 },
    { title: t('audit.entity'), dataIndex: 'entity', width: 130 },
    { title: t('audit.entityKey'), dataIndex: 'entityKey' },
  ];
  const extra = (
    <Space>
      <Select
        allowClear
        placeholder={t('audit.allEntities')}
        style={{ width: 170 }}
        value={entity}
        options={ENTITIES.map((value) => ({ value, label: value }))}
        onChange={(value?: string) => {
          setEntity(value);
          setPage(1);
        }}
      />
      <Button icon={<DownloadOutlined />} href={auditCsvUrl(unitCode, year)} download>
        {t('audit.downloadCsv')}
      </Button>
    </Space>
  );
  return (
    <Card
      className="page-card"
      data-testid="audit-page"
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('audit.back')}
            onClick={() => navigate({ name: 'department', unitCode, year })}
          />
          {t('audit.title')} · {unitCode} · {year}
        </Space>
      }
      extra={extra}
    >
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <Table<AuditEntryView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
        expandable={{ expandedRowRender: (entry) => <Changes entry={entry} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => t('audit.total', { n }),
        }}
      />
    </Card>
  );
}

function Changes({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return <span className="secondary">{t('audit.noChanges')}</span>;
  return (
    <table className="simple-table" data-testid="audit-changes">
      <thead>
        <tr>
          <th>{t('audit.field')}</th>
          <th>{t('audit.before')}</th>
          <th>{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <td>{c.field}</td>
            <td>{c.before}</td>
            <td>{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
