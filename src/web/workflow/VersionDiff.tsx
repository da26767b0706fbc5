import { Button, Empty, Select, Space, Table, Typography } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import type { TargetsChangeView, TargetVersionView } from '../../contract/workflow.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fetchDiff } from './api.ts';
import { formatTime } from './format-time.ts';

type Ref = number | 'current';

/**
 * Pick two versions (or the current content) and see what changed, field by field. `initial` picks
 * them beforehand and compares at once (the last approved version against the adjusted content).
 */
export function VersionDiff({
  unitCode,
  year,
  versions,
  initial,
}: {
  unitCode: string;
  year: number;
  versions: TargetVersionView[];
  initial?: { from: Ref; to: Ref };
}) {
  const { t } = useI18n();
  const last = versions.at(-1)?.number;
  const [from, setFrom] = useState<Ref | undefined>(
    initial?.from ?? (versions.length > 1 ? versions.at(-2)!.number : last),
  );
  const [to, setTo] = useState<Ref>(initial?.to ?? (versions.length > 1 ? last! : 'current'));
  const [changes, setChanges] = useState<TargetsChangeView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const compare = async () => {
    if (from === undefined) return;
    setFailure(null);
    try {
      setChanges(await fetchDiff(unitCode, year, from, to));
    } catch (error) {
      setFailure(errorMessage(error, t));
    }
  };
  // With a preset pair the comparison shows at once, when the dialog opens.
  const compareAtOnce = useEffectEvent(() => void compare());
  useEffect(() => {
    if (initial) compareAtOnce();
  }, [initial]);

  if (versions.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.noVersions')} />;
  const options = [
    ...versions.map((v) => ({
      value: v.number,
      label: `${t('workflow.versionN', { n: v.number })} · ${t(`workflow.action.${v.action}`)} · ${v.actorName} · ${formatTime(v.at)}`,
    })),
    { value: 'current' as const, label: t('workflow.current') },
  ];
  const columns = [
    { title: t('workflow.where'), dataIndex: 'where', width: '30%' },
    { title: t('workflow.field'), dataIndex: 'label', width: 140 },
    {
      title: t('workflow.before'),
      dataIndex: 'before',
      render: (v: string | null) => <del className="diff-before">{v ?? '—'}</del>,
    },
    {
      title: t('workflow.after'),
      dataIndex: 'after',
      render: (v: string | null) => <ins className="diff-after">{v ?? '—'}</ins>,
    },
  ];
  return (
    <div data-testid="version-diff">
      <Space wrap>
        {t('workflow.from')}
        <span data-testid="diff-from">
          <Select<Ref> style={{ width: 300 }} value={from} options={options} onChange={setFrom} />
        </span>
        {t('workflow.to')}
        <span data-testid="diff-to">
          <Select<Ref> style={{ width: 300 }} value={to} options={options} onChange={setTo} />
        </span>
        <Button onClick={compare} data-testid="diff-compare">
          {t('workflow.compare')}
        </Button>
      </Space>
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
      {changes &&
        (changes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.noChanges')} />
        ) : (
          <Table<TargetsChangeView>
            className="diff-table"
            size="small"
            pagination={false}
            rowKey={(c) => c.path.join('/')}
            columns={columns}
            dataSource={changes}
            data-testid="diff-table"
          />
        ))}
    </div>
  );
}
