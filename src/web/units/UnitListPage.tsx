import { Empty, Space, Spin, Tag } from 'antd';
import type { UnitSummary } from '../../contract/api.ts';
import { fetchUnits } from '../http/endpoints.ts';
import { Link } from '../app/router.tsx';
import { BulkExportButton } from '../files/BulkExportButton.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';

/**
 * 首页: the budget units and the years each has targets for; a year opens the department page.
 * Plain markup (no antd Table, Card or Typography) keeps the first page's JavaScript small.
 */
export function UnitListPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useAsync(fetchUnits, 'units');
  return (
    <section className="page-panel">
      <h2>{t('units.title')}</h2>
      <p className="secondary">{t('units.subtitle')}</p>
      <BulkExportButton years={[...new Set((data ?? []).flatMap((unit) => unit.years))]} />
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      <Spin spinning={loading}>
        {data && data.length === 0 ? <Empty description={t('units.empty')} /> : <UnitTable units={data ?? []} />}
      </Spin>
    </section>
  );
}

function UnitTable({ units }: { units: UnitSummary[] }) {
  const { t } = useI18n();
  return (
    <table className="simple-table" data-testid="unit-list">
      <thead>
        <tr>
          <th style={{ width: 140 }}>{t('units.code')}</th>
          <th>{t('units.name')}</th>
          <th>{t('units.years')}</th>
        </tr>
      </thead>
      <tbody>
        {units.map((unit) => (
          <tr key={unit.code}>
            <td>{unit.code}</td>
            <td>{unit.name}</td>
            <td>
              <Space wrap>
                {[...unit.years].sort((a, b) => b - a).map((year) => (
                  <Tag key={year} color="red" className="year-tag">
                    <Link to={{ name: 'department', unitCode: unit.code, year }}>{t('units.year', { year })}</Link>
                  </Tag>
                ))}
              </Space>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
