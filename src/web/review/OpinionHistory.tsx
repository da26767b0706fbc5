import { Collapse, Empty } from 'antd';
import type { ReviewOpinionDto } from '../../contract/review-opinions.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { historyByRound, type OpinionItemView } from './opinion-logic.ts';
import { OpinionReadOnly } from './OpinionReadOnly.tsx';

/** Every form ever recorded, per round and level, each group folded until opened. */
export function OpinionHistory({ history, items }: { history: ReviewOpinionDto[]; items: OpinionItemView[] }) {
  const { t } = useI18n();
  const nameOf = (projectCode: string | null) =>
    items.find((item) => item.projectCode === projectCode)?.name ?? projectCode ?? '';
  const groups = historyByRound(history).map((group) => ({
    key: `${group.round}/${group.level}`,
    label: t('opinion.historyGroup', {
      round: group.round,
      level: t(`opinion.level.${group.level}`),
      n: group.forms.length,
    }),
    children: group.forms.map((form) => (
      <div key={form.id} className="opinion-history-entry" data-testid="opinion-history-entry">
        <div className="opinion-item-name">
          {form.projectCode ? `${form.projectCode} ${nameOf(form.projectCode)}` : nameOf(null)}
        </div>
        <OpinionReadOnly opinion={form} level={form.level} />
      </div>
    )),
  }));
  return (
    <Collapse
      className="opinion-history"
      ghost
      data-testid="opinion-history"
      items={[
        {
          key: 'history',
          label: `${t('opinion.history')} (${history.length})`,
          children:
            groups.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opinion.historyEmpty')} />
            ) : (
              <Collapse size="small" items={groups} />
            ),
        },
      ]}
    />
  );
}
