import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import type { ReviewOpinionsView } from '../../contract/review-opinions.ts';
import { navigate, useRoute } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchOpinions } from '../review/opinion-api.ts';
import { openOpinionItem, opinionsChanged } from '../review/opinion-events.ts';
import { itemDomKey } from '../review/opinion-logic.ts';

type Blocking = ReviewOpinionsView['blocking'];

/**
 * What stops the pending review or approval now (财预〔2015〕88号: forms missing, 中/差, 良 without a
 * note), read only when the user has such a step to take, and again whenever a form is saved.
 */
export function useOpinionBlocking(unitCode: string, year: number, gated: boolean): Blocking | undefined {
  const key = `${unitCode}/${year}`;
  const { data, reload } = useAsync(
    async () => (gated ? (await fetchOpinions(unitCode, year)).blocking : undefined),
    `${key}/${gated}`,
  );
  useEffect(() => opinionsChanged.subscribe((changed) => changed === key && reload()), [key, reload]);
  return data;
}

/** The list under the disabled buttons: each item with a link to its form. */
export function OpinionBlockingList({
  unitCode,
  year,
  blocking,
}: {
  unitCode: string;
  year: number;
  blocking: Blocking;
}) {
  const { t } = useI18n();
  const route = useRoute();
  if (blocking.length === 0) return null;
  const open = (projectCode: string | null) => {
    // On the review page the form is below; elsewhere the review page holds it.
    if (route.name === 'review') openOpinionItem.emit(itemDomKey(projectCode));
    else navigate({ name: 'review', unitCode, year });
  };
  return (
    <Alert
      className="workflow-adjustment"
      type="warning"
      showIcon
      data-testid="opinion-blocking"
      title={t('opinion.blockingTitle')}
      description={
        <ul className="opinion-blocking-list">
          {blocking.map((block) => (
            <li key={itemDomKey(block.projectCode)} data-testid="opinion-blocking-item">
              <Button type="link" size="small" onClick={() => open(block.projectCode)}>
                {block.projectCode ? `${block.projectCode} ${block.name}` : block.name}
              </Button>
              {block.reason}
            </li>
          ))}
        </ul>
      }
    />
  );
}
