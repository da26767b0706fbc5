import { Empty, Table, Tag } from 'antd';
import type { WarningView } from '../../contract/monitoring.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LEVEL_COLORS } from './chart-options.ts';
import { warningLevelText } from '../i18n/vocabulary.ts';

/**
 * Computed warnings with their follow-up, read from the actions that name them (decision 036): the bureau acts on
 * a warning in the actions panel (采取措施), the unit reports its 整改 there.
 */
export function WarningList({ warnings }: { warnings: WarningView[] }) {
  const { t, locale } = useI18n();
  if (warnings.length === 0) return <Empty description={t('monitoring.noWarnings')} data-testid="warnings-empty" />;
  return (
    <Table<WarningView>
      data-testid="warning-list"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={warnings}
      columns={[
        {
          title: t('monitoring.level'),
          dataIndex: 'level',
          width: 100,
          render: (level: WarningView['level']) => <Tag color={LEVEL_COLORS[level]}>{warningLevelText(level, t)}</Tag>,
        },
        { title: t('monitoring.project'), dataIndex: 'projectName', width: 220 },
        { title: t('monitoring.reason'), key: 'reason', render: (_, w) => (locale === 'en' ? w.reasonEn : w.reason) },
        {
          title: t('monitoring.followUp'),
          key: 'followUp',
          width: 320,
          render: (_, w) => (
            <div data-testid={`follow-up-${w.id}`}>
              <Tag>{t(`monitoring.state.${w.followUp.state}`)}</Tag>
              {w.followUp.action && (
                <div className="monitoring-note">
                  {w.followUp.action}（
                  {t('monitoring.actionBy', {
                    who: w.followUp.actionBy ?? '',
                    when: (w.followUp.actionAt ?? '').slice(0, 10),
                  })}
                  ）
                </div>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
