import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import type { Project } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { budgetTotals, formatYuan } from '../shared/format.ts';

const BudgetChart = lazy(() => import('./BudgetChart.tsx'));

/** Totals (exact, from the decimal strings) and the per-project chart. */
export function BudgetOverview({ projects }: { projects: Project[] }) {
  const { t } = useI18n();
  const totals = budgetTotals(projects);
  const figure = (title: string, text: string) => (
    <Col xs={12} md={6}>
      <Statistic title={title} value={text} formatter={() => text} />
    </Col>
  );
  return (
    <Card title={t('dept.budgetOverview')} className="page-card">
      <Row gutter={[16, 16]} data-testid="budget-totals">
        {figure(t('dept.projectCount'), String(projects.length))}
        {figure(t('dept.totalBudget'), formatYuan(totals.total))}
        {figure(t('dept.totalFiscal'), formatYuan(totals.fiscal))}
        {figure(t('dept.totalOther'), formatYuan(totals.other))}
      </Row>
      {projects.length > 0 && (
        <Suspense fallback={<Skeleton active />}>
          <BudgetChart projects={projects} />
        </Suspense>
      )}
    </Card>
  );
}
