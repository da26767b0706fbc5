import { Card, Checkbox, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ResultRow } from '../../contract/results.ts';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { gradeText } from '../i18n/vocabulary.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useCurrentYear } from '../years/current-year.ts';
import { type ResultFilters, fetchResults } from './api.ts';
import { STATES } from './NoticeCard.tsx';
import './results.css';

const PAGE_SIZE = 20;
const GRADES = ['优', '良', '中', '差'] as const;

/** 结果应用 (/bureau/results): per unit and year, the 自评 grades and the 整改通知, filtered and paged. */
export default function ResultsPage() {
  const { t } = useI18n();
  const currentYear = useCurrentYear();
  const [filters, setFilters] = useState<ResultFilters>({});
  const [page, setPage] = useState(1);
  const effective = { ...filters, year: filters.year ?? currentYear ?? undefined };
  const { data, error, loading, reload } = useAsync(
    () => fetchResults(effective, page, PAGE_SIZE),
    `${JSON.stringify(effective)}/${page}`,
  );
  const change = (values: Partial<ResultFilters>) => {
    setFilters({ ...filters, ...values });
    setPage(1);
  };
  const columns = [
    {
      title: t('results.unit'),
      key: 'unit',
      render: (_: unknown, row: ResultRow) => (
        <Link to={{ name: 'unitResults', unitCode: row.unitCode, year: row.fiscalYear }}>
          {row.unitCode} {row.unitName}
        </Link>
      ),
    },
    { title: t('results.year'), dataIndex: 'fiscalYear', key: 'year', width: 80 },
    {
      title: t('results.score'),
      key: 'score',
      width: 120,
      render: (_: unknown, row: ResultRow) =>
        row.meanScore === null ? '—' : `${row.meanScore} ${gradeText(row.grade, t)}`,
    },
    {
      title: t('results.projectGrades'),
      key: 'grades',
      render: (_: unknown, row: ResultRow) =>
        `${row.grades.excellent}/${row.grades.good}/${row.grades.fair}/${row.grades.poor}`,
    },
    { title: t('results.warnings'), dataIndex: 'openWarnings', key: 'warnings', width: 100 },
    {
      title: t('results.notices'),
      key: 'notices',
      render: (_: unknown, row: ResultRow) => (
        <span>
          {row.notices.overdue > 0 && <Tag color="red">{t('results.overdueTag')}</Tag>}
          {t('results.noticeCounts', row.notices)}
        </span>
      ),
    },
  ];
  return (
    <Card className="page-card" title={t('results.title')} data-testid="results-page">
      <Typography.Paragraph type="secondary">{t('results.subtitle')}</Typography.Paragraph>
      <Form layout="inline" className="results-filters">
        <Form.Item label={t('results.year')}>
          <InputNumber
            min={1990}
            max={2100}
            value={effective.year ?? null}
            onChange={(year) => change({ year: year ?? undefined })}
            aria-label={t('results.year')}
          />
        </Form.Item>
        <Form.Item label={t('results.grade')}>
          <Select
            allowClear
            placeholder={t('results.allGrades')}
            style={{ minWidth: 120 }}
            options={GRADES.map((g) => ({ value: g, label: gradeText(g, t) }))}
            onChange={(grade?: string) => change({ grade })}
            aria-label={t('results.grade')}
          />
        </Form.Item>
        <Form.Item label={t('results.status')}>
          <Select
            allowClear
            placeholder={t('results.allStates')}
            style={{ minWidth: 120 }}
            options={STATES.map((s) => ({ value: s, label: t(`results.state.${s}` as MessageKey) }))}
            onChange={(status?: string) => change({ status })}
            aria-label={t('results.status')}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox onChange={(event) => change({ overdue: event.target.checked })} data-testid="results-overdue">
            {t('results.overdue')}
          </Checkbox>
        </Form.Item>
        <Form.Item>
          <Input.Search
            allowClear
            placeholder={t('results.search')}
            aria-label={t('results.search')}
            onSearch={(search) => change({ search: search.trim() || undefined })}
          />
        </Form.Item>
      </Form>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table
          rowKey={(row) => `${row.unitCode}/${row.fiscalYear}`}
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('results.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
        />
      )}
    </Card>
  );
}
