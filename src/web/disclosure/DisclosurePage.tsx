import { Alert, App, Card, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { DisclosureOverview, UnitDisclosure } from '../../contract/disclosure.ts';
import { DISCLOSURE_KINDS } from '../../domain/disclosure/packages.ts';
import { useSession } from '../auth/session.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useCurrentYear } from '../years/current-year.ts';
import { fetchBureaus, fetchOverview } from './api.ts';
import { PackageCell } from './PackageCell.tsx';
import { PolicyForm } from './PolicyForm.tsx';
import './disclosure.css';

/** 信息公开 (/bureau/disclosure): the bureau's units × packages of the year, publish/withdraw, and the 公开设置. */
export default function DisclosurePage() {
  return (
    <App>
      <Disclosure />
    </App>
  );
}

function Disclosure() {
  const { t } = useI18n();
  const year = useCurrentYear();
  const bureau = useBureauChoice();
  const [overview, setOverview] = useState<DisclosureOverview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    if (year === null || !bureau.ready) return;
    fetchOverview(year, bureau.code).then(
      (data) => {
        setOverview(data);
        setFailure(null);
      },
      (error: unknown) => setFailure(errorMessage(error, t)),
    );
  }, [year, bureau.ready, bureau.code, t]);
  useEffect(load, [load]);
  const columns = useColumns(year ?? 0, load);
  if (year === null) return <Card className="page-card">{t('disclosure.noYear')}</Card>;
  return (
    <>
      <Card className="page-card" title={t('disclosure.title')} extra={bureau.picker} data-testid="disclosure-page">
        <Typography.Paragraph type="secondary">{t('disclosure.subtitle')}</Typography.Paragraph>
        {failure !== null && <Alert type="error" showIcon message={failure} />}
        {overview && (
          <Typography.Paragraph>
            {t('disclosure.publicIndex')}{' '}
            <a className="disclosure-link" href={overview.publicIndexPath} target="_blank" rel="noopener">
              {overview.publicIndexPath}
            </a>
          </Typography.Paragraph>
        )}
        <Table<UnitDisclosure>
          rowKey="unitCode"
          size="small"
          loading={overview === null && failure === null}
          dataSource={overview?.units ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('disclosure.empty') }}
        />
      </Card>
      {bureau.ready && failure === null && (
        <PolicyForm key={`${bureau.code ?? ''}/${year}`} year={year} orgCode={bureau.code} onSaved={load} />
      )}
    </>
  );
}

/**
 * Which bureau the page is about: a bureau user's own (the server knows it); the administrator picks one of the
 * tree's bureaus (the first by default).
 */
function useBureauChoice(): { ready: boolean; code: string | undefined; picker: ReactNode } {
  const { t } = useI18n();
  const { user } = useSession();
  const isAdmin = user?.role === 'admin';
  const [bureaus, setBureaus] = useState<{ code: string; name: string }[] | null>(null);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (isAdmin) fetchBureaus().then(setBureaus, () => setBureaus([]));
  }, [isAdmin]);
  if (!isAdmin) return { ready: true, code: undefined, picker: null };
  const code = chosen ?? bureaus?.[0]?.code;
  const picker =
    bureaus && bureaus.length > 1 ? (
      <Select
        aria-label={t('disclosure.bureau')}
        value={code}
        onChange={setChosen}
        options={bureaus.map((b) => ({ value: b.code, label: b.name }))}
        style={{ minWidth: 160 }}
      />
    ) : null;
  return { ready: bureaus !== null, code, picker };
}

function useColumns(year: number, reload: () => void): ColumnsType<UnitDisclosure> {
  const { t } = useI18n();
  return [
    {
      title: t('disclosure.col.unit'),
      key: 'unit',
      render: (_, row) => (
        <>
          {row.unitName}
          <br />
          <Typography.Text type="secondary">{row.unitCode}</Typography.Text>
        </>
      ),
    },
    ...DISCLOSURE_KINDS.map((kind) => ({
      title: t(`disclosure.kind.${kind}`),
      key: kind,
      render: (_: unknown, row: UnitDisclosure) => (
        <PackageCell
          unitCode={row.unitCode}
          year={year}
          status={row.packages.find((p) => p.kind === kind)!}
          mayPublish={row.mayPublish}
          onChange={reload}
        />
      ),
    })),
  ];
}
