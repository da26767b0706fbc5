import { Card, Collapse, Typography } from 'antd';
import type { OverallTargets as Overall } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** 第一部分 部门整体绩效目标: numbered goals opening onto their 分项 paragraphs, then 工作保障措施. */
export function OverallTargets({ overall }: { overall: Overall }) {
  const { t } = useI18n();
  const goals = overall.goals.map((goal) => ({
    key: String(goal.seq),
    label: `${goal.seq}. ${goal.title}`,
    children: <Typography.Paragraph className="goal-detail">{goal.detail ?? t('dept.noDetail')}</Typography.Paragraph>,
  }));
  const measures = overall.measures.map((section, i) => ({
    key: String(i),
    label: <span className="measure-heading">{section.heading}</span>,
    children: section.items.map((item, j) => (
      <Typography.Paragraph key={j} className="measure-item">
        <Typography.Text strong>{item.label}</Typography.Text>
        {item.text}
      </Typography.Paragraph>
    )),
  }));
  return (
    <Card title={t('dept.part1')} className="page-card" data-testid="overall-targets">
      <Typography.Title level={5}>{t('dept.overallGoals')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dept.goalsHint')}</Typography.Paragraph>
      <Collapse size="small" items={goals} className="goal-list" />
      {measures.length > 0 && (
        <>
          <Typography.Title level={5} className="measures-title">{t('dept.measures')}</Typography.Title>
          <Collapse size="small" items={measures} defaultActiveKey={['0']} />
        </>
      )}
    </Card>
  );
}
