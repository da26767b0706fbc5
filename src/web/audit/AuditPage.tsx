import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { AuditEntryView } from '../../contract/accounts.ts';
import { AUDIT_ENTITIES } from '../../contract/audit-words.ts';
import { navigate } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { auditCsvUrl, fetchAudit } from './api.ts';
import { auditWords } from './audit-sentence.ts';
import './audit.css';

const PAGE_SIZE = 20;

/** 审计日志: who changed what in a unit-year, newest first, in plain words; CSV for Excel. */
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
      title: t('auditLog.what'),
      key: 'what',
      render: (_: unknown, entry: AuditEntryView) => <EntryWords entry={entry} />,
    },
  ];
  const extra = (
    <Space>
      <Select
        allowClear
        aria-label={t('audit.entity')}
        placeholder={t('audit.allEntities')}
        style={{ width: 170 }}
        value={entity}
        options={Object.keys(AUDIT_ENTITIES).map((value) => ({
          value,
          label: t(`auditLog.entity.${value}` as MessageKey),
        }))}
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

function EntryWords({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  const words = auditWords(t, { ...entry, actorDisplayName: null, unitName: null });
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
