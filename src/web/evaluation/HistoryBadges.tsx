import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { EvaluationHistory } from '../../contract/evaluation.ts';
import { navigate } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchEvaluationHistory } from './api.ts';
import './evaluation.css';
import { gradeText } from '../i18n/vocabulary.ts';

type YearResult = NonNullable<EvaluationHistory['projects'][number]['lastYear']>;

/**
 * 结果应用 on the department page: per project this year's and last year's self-evaluation grade,
 * 中/差 marked for the budget discussion, and last year's actual beside each repeated indicator.
 */
export function HistoryBadges({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const history = useAsync(() => fetchEvaluationHistory(unitCode, year), `${unitCode}/${year}`);
  const open = (
    <Button
      icon={<FormOutlined />}
      onClick={() => navigate({ name: 'evaluation', unitCode, year })}
      data-testid="open-evaluation"
    >
      {t('evaluation.open')}
    </Button>
  );
  const projects = history.data?.projects ?? [];
  const shown = projects.filter((p) => p.thisYear || p.lastYear || p.indicators.some((i) => i.lastYearActual !== null));
  return (
    <Card className="page-card" title={t('evaluation.history.title')} extra={open} data-testid="evaluation-history">
      {shown.length === 0 && <Typography.Text type="secondary">{t('evaluation.history.none')}</Typography.Text>}
      <ul className="history-list">
        {shown.map((project) => (
          <li key={project.code} data-testid={`history-${project.code}`}>
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>{project.name}</Typography.Text>
              <Typography.Text type="secondary">{project.code}</Typography.Text>
              {project.thisYear && <Result label={t('evaluation.history.thisYear')} result={project.thisYear} />}
              {project.lastYear && (
                <Result
                  label={t('evaluation.history.lastYear', { year: history.data!.previousYear })}
                  result={project.lastYear}
                />
              )}
              {project.indicators
                .filter((i) => i.lastYearActual !== null)
                .map((i) => (
                  <Tag key={i.name}>
                    {i.name} · {t('evaluation.history.lastActual', { value: i.lastYearActual! })}
                  </Tag>
                ))}
            </Space>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Result({ label, result }: { label: string; result: YearResult }) {
  const { t } = useI18n();
  const color =
    result.grade === '优' ? 'green' : result.grade === '良' ? 'blue' : result.grade === null ? 'default' : 'red';
  return (
    <>
      <Tag color={color}>
        {label} {result.score.toFixed(2)} {result.grade ? gradeText(result.grade, t) : t('evaluation.ungraded')}
      </Tag>
      {result.budgetDiscussion && <Tag color="volcano">{t('evaluation.history.discussion')}</Tag>}
    </>
  );
}
