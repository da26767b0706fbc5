import { Card, Collapse, Typography } from 'antd';
import type { OverallTargets as Overall, Unit } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { reviewCell } from '../review/cell-key.ts';
import { OverallSheet } from './OverallSheet.tsx';

/**
 * 第一部分 部门整体绩效目标: numbered goals opening onto their 分项 paragraphs, then 工作保障措施.
 * `highlights` (review keys such as 'overall.goals.6', 'overall.measures.2.items.4.label') marks
 * those lines and opens the sections that hold them.
 */
export function OverallTargets({
  unit,
  overall,
  highlights,
}: {
  /** The unit line above the 整体支出绩效目标表 (when the document has that table). */
  unit?: Unit;
  overall: Overall;
  highlights?: ReadonlySet<string>;
}) {
  const { t } = useI18n();
  const goals = overall.goals.map((goal, i) => ({
    key: String(goal.seq),
    label: <span {...reviewCell(highlights, `overall.goals.${i}`)}>{`${goal.seq}. ${goal.title}`}</span>,
    children: <Typography.Paragraph className="goal-detail">{goal.detail ?? t('dept.noDetail')}</Typography.Paragraph>,
  }));
  const measures = overall.measures.map((section, i) => ({
    key: String(i),
    label: (
      <span {...reviewCell(highlights, `overall.measures.${i}.heading`, 'measure-heading')}>{section.heading}</span>
    ),
    children: section.items.map((item, j) => (
      <Typography.Paragraph key={j} className="measure-item">
        <Typography.Text strong {...reviewCell(highlights, `overall.measures.${i}.items.${j}.label`)}>
          {item.label}
        </Typography.Text>
        {item.text}
      </Typography.Paragraph>
    )),
  }));
  return (
    <Card title={t('dept.part1')} className="page-card" data-testid="overall-targets" data-review-scope="overall">
      <Typography.Title level={5}>{t('dept.overallGoals')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dept.goalsHint')}</Typography.Paragraph>
      <Collapse size="small" items={goals} className="goal-list" />
      {measures.length > 0 && (
        <>
          <Typography.Title level={5} className="measures-title">
            {t('dept.measures')}
          </Typography.Title>
          <Collapse size="small" items={measures} defaultActiveKey={['0', ...flaggedSections(highlights)]} />
        </>
      )}
      <OverallSheet unit={unit} overall={overall} />
    </Card>
  );
}

/** Sections holding a flagged line open by default, so "locate" can scroll to it. */
function flaggedSections(highlights: ReadonlySet<string> | undefined): string[] {
  const sections = [...(highlights ?? [])]
    .map((key) => /^overall\.measures\.(\d+)\./.exec(key)?.[1])
    .filter((s): s is string => s !== undefined);
  return [...new Set(sections)];
}
