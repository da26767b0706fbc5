import { Card, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { extractNarrativeIndicators, type NarrativeIndicator } from '../../domain/review/narrative.ts';
import type { OverallTargets, TargetValue } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { userDataCell } from '../shared/user-data.ts';

const OPERATOR: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** "≥ 2000 人", "1–2 家": what the grammar read from the value. */
function describeParsed(target: TargetValue): string {
  const unit = target.unit ?? '';
  if (target.op === 'range') return `${target.min}–${target.max}${unit}`;
  if (target.op === null || target.value === null) return '—';
  return `${OPERATOR[target.op]}${target.value}${unit}`;
}

/**
 * 部门整体绩效指标: the quantities stated in the 分项绩效目标 (参赛单位达到60家 …), extracted on the
 * page by the same pure function the review uses, and offered as the department's indicator table.
 */
export function NarrativeIndicatorsTable({ overall, extra }: { overall: OverallTargets; extra?: ReactNode }) {
  const { t } = useI18n();
  const rows = extractNarrativeIndicators(overall).map((row, i) => ({
    ...row,
    key: i,
    seq: overall.goals[row.goalIndex]?.seq ?? row.goalIndex + 1,
  }));
  const columns = [
    { title: t('review.narrative.goal'), dataIndex: 'seq', width: 90 },
    { title: t('review.narrative.name'), dataIndex: 'name', onCell: userDataCell },
    {
      title: t('review.narrative.target'),
      render: (_: unknown, row: NarrativeIndicator) => row.target.raw,
      width: 170,
      onCell: userDataCell,
    },
    {
      title: t('review.narrative.parsed'),
      render: (_: unknown, row: NarrativeIndicator) => describeParsed(row.target),
      width: 120,
      onCell: userDataCell,
    },
    {
      title: t('review.narrative.sentence'),
      dataIndex: 'sentence',
      onCell: userDataCell,
      render: (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>,
    },
  ];
  return (
    <Card title={t('review.narrative.title')} className="page-card" data-testid="narrative-indicators" extra={extra}>
      <Typography.Paragraph type="secondary">{t('review.narrative.hint')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        // On a phone the five columns would squeeze the sentence to a character a line (9,000 px tall): it scrolls instead.
        scroll={{ x: 760 }}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('review.narrative.empty') }}
      />
    </Card>
  );
}
