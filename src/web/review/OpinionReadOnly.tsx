import { Descriptions, Tag, Typography } from 'antd';
import { OPINION_CRITERIA, type ReviewOpinionDto } from '../../contract/review-opinions.ts';
import type { OpinionLevel } from '../../domain/review/opinion.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatTime } from '../workflow/format-time.ts';
import { consequenceKey } from './opinion-logic.ts';
import { gradeText } from '../i18n/vocabulary.ts';

export const OPINION_GRADE_COLORS: Record<string, string> = {
  优: 'success',
  良: 'processing',
  中: 'warning',
  差: 'error',
};

/** A recorded 审核意见表 as it reads: who, when, the four grades, the opinion and the result. */
export function OpinionReadOnly({ opinion, level }: { opinion: ReviewOpinionDto | null; level: OpinionLevel }) {
  const { t } = useI18n();
  const title = t('opinion.levelForm', { level: t(`opinion.level.${level}`) });
  if (opinion === null)
    return (
      <div className="opinion-readonly" data-testid={`opinion-readonly-${level}`}>
        <Typography.Text strong>{title}</Typography.Text>
        <div>
          <Typography.Text type="secondary">{t('opinion.notRecorded')}</Typography.Text>
        </div>
      </div>
    );
  return (
    <div className="opinion-readonly" data-testid={`opinion-readonly-${level}`}>
      <Typography.Text strong>{title}</Typography.Text>{' '}
      <Typography.Text type="secondary">
        {t('opinion.by', { name: opinion.reviewerName, time: formatTime(opinion.at) })}
      </Typography.Text>
      <Descriptions size="small" column={1} bordered className="opinion-descriptions">
        {OPINION_CRITERIA.map((criterion) => (
          <Descriptions.Item key={criterion} label={t(`opinion.criterion.${criterion}`)}>
            {gradeText(opinion[criterion], t)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('opinion.opinion')}>
          <span className="workflow-comment-text">{opinion.opinion}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('opinion.overall')}>
          <Tag color={OPINION_GRADE_COLORS[opinion.overall]}>{gradeText(opinion.overall, t)}</Tag>
          {t(consequenceKey(opinion.overall))}
        </Descriptions.Item>
        {opinion.consultationNote && (
          <Descriptions.Item label={t('opinion.consultation')}>
            <span className="workflow-comment-text">{opinion.consultationNote}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
