import { Empty, Input, Pagination, Select, Space, Spin, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { UnitSummary } from '../../contract/api.ts';
import { fetchUnits } from '../http/endpoints.ts';
import { Link } from '../app/router.tsx';
import { BulkExportButton } from '../files/BulkExportButton.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { chooseYear, useCurrentYear, useYears } from '../years/current-year.ts';
import { PAGE_SIZE, type UnitListState, apiQuery, searchFromState, stateFromSearch } from './list-query.ts';

const SEARCH_DELAY_MS = 300;

/**
 * 首页: the budget units and the years each has targets for; a year opens the department page.
 * The server pages, searches and filters (a city has thousands of units); the page, search and
 * year live in the address bar so a reload keeps them. The years offered are the header's (useYears), and a
 * year filter is the header's year: choosing one here switches the header, switching the header moves the
 * filter (one year across the app). Plain table markup (no antd Table, Card or Typography) keeps the first
 * page's JavaScript small.
 */
export function UnitListPage() {
  const { t } = useI18n();
  const [state, setState] = useState<UnitListState>(() => stateFromSearch(window.location.search));
  const [typed, setTyped] = useState(state.search);
  const query = apiQuery(state);
  const units = useAsync(() => fetchUnits(query), JSON.stringify(query));
  const years = (useYears() ?? []).map((item) => item.year);
  useHeaderYear(state.year, (year) => setState((s) => ({ ...s, year, page: 1 })));

  useEffect(() => {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${searchFromState(state)}`);
  }, [state]);

  // Debounced: one request when the user stops typing, not one per keystroke; a new search starts at page 1.
  useEffect(() => {
    if (typed === state.search) return undefined;
    const timer = window.setTimeout(() => setState((s) => ({ ...s, search: typed, page: 1 })), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed, state.search]);

  const page = units.data;
  const filtered = state.search.trim() !== '' || state.year !== undefined;
  return (
    <section className="page-panel">
      <h2>{t('units.title')}</h2>
      <p className="secondary">{t('units.subtitle')}</p>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('units.search')}
          placeholder={t('units.search')}
          style={{ width: 240 }}
          value={typed}
          data-testid="unit-search"
          onChange={(event) => setTyped(event.target.value)}
          onSearch={(value) => setState((s) => ({ ...s, search: value, page: 1 }))}
        />
        <Select
          aria-label={t('units.years')}
          style={{ width: 130 }}
          value={state.year ?? 0}
          data-testid="unit-year-filter"
          options={[
            { value: 0, label: t('units.anyYear') },
            ...years.map((y) => ({ value: y, label: t('units.year', { year: y }) })),
          ]}
          onChange={(value: number) => {
            if (value !== 0) chooseYear(value);
            setState((s) => ({ ...s, year: value === 0 ? undefined : value, page: 1 }));
          }}
        />
        <BulkExportButton years={years} />
      </Space>
      {units.error !== undefined && <LoadError error={units.error} onRetry={units.reload} />}
      <Spin spinning={units.loading}>
        {page && page.total === 0 ? (
          <Empty description={filtered ? t('units.noMatch') : t('units.empty')} />
        ) : (
          <UnitTable units={page?.items ?? []} />
        )}
      </Spin>
      {page && page.total > 0 && (
        <Pagination
          style={{ marginTop: 12 }}
          data-testid="unit-pager"
          current={state.page}
          pageSize={PAGE_SIZE}
          total={page.total}
          showSizeChanger={false}
          showTotal={(n) => t('units.total', { n })}
          onChange={(next) => setState((s) => ({ ...s, page: next }))}
        />
      )}
    </section>
  );
}

/**
 * Keeps a year filter and the header's year together: a year in the address bar becomes the header's on
 * arrival; a later switch in the header moves an active filter ("All years" stays all years).
 */
function useHeaderYear(filter: number | undefined, follow: (year: number) => void): void {
  const current = useCurrentYear();
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (filter !== undefined) chooseYear(filter);
    // Only on arrival: afterwards the filter follows the header.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const before = seen.current;
    seen.current = current;
    if (before !== null && current !== null && current !== before && filter !== undefined) follow(current);
  }, [current, filter, follow]);
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
                {[...unit.years]
                  .sort((a, b) => b - a)
                  .map((year) => (
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
