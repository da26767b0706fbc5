import { Alert } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchWorkflow } from './api.ts';
import { formatTime } from './format-time.ts';
import { returnedComments } from './returned-comments.ts';
import { useOnWorkflowChange } from './workflow-events.ts';

interface Props {
  unitCode: string;
  year: number;
  /** The project being edited; null or absent: only the comments on the whole document. */
  projectCode?: string | null;
}

/**
 * Above the project the unit edits after a return: what the reviewer asked for, on the document and
 * on this project (issue 17 item 6), so nobody has to look for it in the workflow's tabs.
 */
export function ReturnedComments({ unitCode, year, projectCode = null }: Props) {
  const { t } = useI18n();
  const { data, reload } = useAsync(() => fetchWorkflow(unitCode, year), `${unitCode}/${year}`);
  useOnWorkflowChange(unitCode, year, reload);
  const comments = data ? returnedComments(data, projectCode) : [];
  if (comments.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="returned-comments"
      data-testid="returned-comments"
      title={t('workflow.returned.title')}
      description={
        <ul className="returned-comments-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <strong>
                {comment.projectCode === null
                  ? t('workflow.returned.document')
                  : comment.indicatorIndex === null
                    ? t('workflow.returned.project')
                    : t('workflow.indicatorN', { n: comment.indicatorIndex + 1 })}
              </strong>
              ：{comment.body}
              <span className="returned-comments-by">
                {' '}
                — {comment.actorName} {formatTime(comment.at)}
              </span>
            </li>
          ))}
        </ul>
      }
    />
  );
}
