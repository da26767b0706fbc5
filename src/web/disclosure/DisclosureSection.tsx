import { App, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { UnitDisclosure } from '../../contract/disclosure.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fetchUnitDisclosure } from './api.ts';
import { PackageCell } from './PackageCell.tsx';

/** The 公开 section of a unit's page: each package's status, preview downloads, publish where the bureau allows. */
export function DisclosureSection({ unitCode, year }: { unitCode: string; year: number }) {
  return (
    <App>
      <Section unitCode={unitCode} year={year} />
    </App>
  );
}

function Section({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const [data, setData] = useState<UnitDisclosure | null>(null);
  // A reader without access to the section (never: targets:read covers the page) just sees no section.
  const load = useCallback(() => {
    fetchUnitDisclosure(unitCode, year).then(setData, () => setData(null));
  }, [unitCode, year]);
  useEffect(load, [load]);
  if (data === null) return null;
  return (
    <Card className="page-card" title={t('disclosure.section')} data-testid="disclosure-section">
      <Typography.Paragraph type="secondary">
        {t('disclosure.section.explain')} {data.mayPublish ? '' : t('disclosure.section.byBureau')}
      </Typography.Paragraph>
      <Space size="large" wrap align="start">
        {data.packages.map((status) => (
          <div key={status.kind}>
            <Typography.Text strong>{t(`disclosure.kind.${status.kind}`)}</Typography.Text>
            <br />
            <PackageCell unitCode={unitCode} year={year} status={status} mayPublish={data.mayPublish} onChange={load} />
          </div>
        ))}
      </Space>
    </Card>
  );
}
