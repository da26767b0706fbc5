import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { UnitResult } from '../../contract/results.ts';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { gradeText } from '../i18n/vocabulary.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchUnitResults } from './api.ts';
import { NoticeCard } from './NoticeCard.tsx';
import { NoticeDialog } from './NoticeDialog.tsx';
import './results.css';

/** Roles holding results:act / results:reply (docs/permissions.md); the server refuses the others anyway. */
const ACTING_ROLES = new Set(['admin', 'bureau', 'department']);
const REPLYING_ROLES = new Set(['admin', 'unit']);

/**
 * A unit-year's results (/units/:code/years/:year/results): the projects' grades, the problems found and the
 * 整改通知 — the bureau or department issues and decides, the unit replies with evidence.
 */
export default function UnitResultsPage(props: { unitCode: string; year: number }) {
  return (
    <App>
      <UnitResults {...props} />
    </App>
  );
}

function UnitResults({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [issuing, setIssuing] = useState(false);
  const { data, error, reload } = useAsync(() => fetchUnitResults(unitCode, year), `${unitCode}/${year}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Card className="page-card" loading />;
  const canAct = user !== null && ACTING_ROLES.has(user.role);
  const canReply = user !== null && REPLYING_ROLES.has(user.role);
  return (
    <Card
      className="page-card"
      data-testid="unit-results-page"
      title={t('results.unitTitle', { unit: `${data.unitCode} ${data.unitName}`, year })}
      extra={
        canAct && (
          <Button type="primary" onClick={() => setIssuing(true)} data-testid="notice-issue">
            {t('results.issue')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {data.evaluationStatus === null
          ? t('results.noEvaluation')
          : t('results.evaluation', { status: t(`evaluation.status.${data.evaluationStatus}` as MessageKey) })}
      </Typography.Paragraph>
      <Projects data={data} />
      <Problems data={data} />
      <Typography.Title level={5}>{t('results.notices')}</Typography.Title>
      {data.notices.length === 0 ? (
        <Empty description={t('results.noNotices')} />
      ) : (
        data.notices.map((notice) => (
          <NoticeCard key={notice.id} notice={notice} canReply={canReply} canDecide={canAct} onChange={reload} />
        ))
      )}
      {issuing && (
        <NoticeDialog
          unitCode={unitCode}
          year={year}
          projects={data.projects}
          onClose={() => setIssuing(false)}
          onIssued={() => {
            setIssuing(false);
            reload();
          }}
        />
      )}
    </Card>
  );
}

function Projects({ data }: { data: UnitResult }) {
  const { t } = useI18n();
  if (data.projects.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>{t('results.projects')}</Typography.Title>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data.projects}
        columns={[
          { title: t('results.project'), key: 'p', render: (_: unknown, p) => `${p.code} ${p.name}` },
          {
            title: t('results.score'),
            key: 's',
            width: 120,
            render: (_: unknown, p) => (p.score === null ? '—' : `${p.score} ${gradeText(p.grade, t)}`),
          },
        ]}
      />
    </>
  );
}

function Problems({ data }: { data: UnitResult }) {
  const { t } = useI18n();
  if (data.evaluationStatus === null) return null;
  return (
    <>
      <Typography.Title level={5}>{t('results.problems')}</Typography.Title>
      {data.problems.length === 0 ? (
        <Typography.Paragraph>{t('results.noProblems')}</Typography.Paragraph>
      ) : (
        <ul className="results-problems" data-testid="results-problems">
          {data.problems.map((problem, index) => (
            <li key={index}>
              <Space wrap size={4}>
                {problem.projectCode && <span>{problem.projectCode}</span>}
                <span>
                  {t(`results.problem.${problem.kind}` as MessageKey, {
                    value: problem.value,
                    grade: gradeText(problem.grade, t),
                    indicator: problem.indicator ?? '',
                  })}
                </span>
                {problem.reason && (
                  <Typography.Text type="secondary">{t('results.reason', { reason: problem.reason })}</Typography.Text>
                )}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
