import { Alert, List, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { FindingDto } from '../../contract/review.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { gradeText } from '../i18n/vocabulary.ts';
import { fetchReview } from '../review/api.ts';
import { findingLocation } from '../review/opinion-logic.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;
/** Enough to see what is wrong without a page-long dialog; the review page lists the rest. */
const SHOWN = 8;

/** Errors first, then warnings, then notes; the review's own order inside each. */
function bySeverity(findings: readonly FindingDto[]): FindingDto[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

interface Props {
  unitCode: string;
  year: number;
  /** How many problems the review found (errors + warnings), once known: the dialog words its button by it. */
  onCounted: (problems: number) => void;
}

/**
 * Before submitting: what the automated review found (errors first) and what the reviewer will see.
 * The findings never stop a submission (the review policy has no such rule); they are shown to be fixed first.
 */
export function SubmitFindings({ unitCode, year, onCounted }: Props) {
  const { t, locale } = useI18n();
  const review = useAsync(() => fetchReview(unitCode, year), `${unitCode}/${year}`);
  const report = review.data?.report;
  const errors = report?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const warnings = report?.findings.filter((f) => f.severity === 'warning').length ?? 0;
  useEffect(() => {
    if (report) onCounted(errors + warnings);
  }, [report, errors, warnings, onCounted]);

  if (review.error !== undefined) return <LoadError error={review.error} onRetry={review.reload} />;
  if (!report) return <Typography.Paragraph type="secondary">{t('workflow.submit.checking')}</Typography.Paragraph>;
  const listed = bySeverity(report.findings.filter((f) => f.severity !== 'info'));
  return (
    <div className="submit-findings" data-testid="submit-findings">
      <Alert
        type={errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success'}
        showIcon
        title={
          listed.length > 0
            ? t('workflow.submit.findings', { errors, warnings, grade: gradeText(report.grade, t) })
            : t('workflow.submit.clean', { grade: gradeText(report.grade, t) })
        }
        description={listed.length > 0 ? t('workflow.submit.notBlocking') : undefined}
      />
      {listed.length > 0 && (
        <List
          size="small"
          className="submit-findings-list"
          dataSource={listed.slice(0, SHOWN)}
          renderItem={(finding) => (
            <List.Item data-testid="submit-finding">
              <span>
                <Tag color={COLOR[finding.severity]}>{t(`workflow.submit.${finding.severity}`)}</Tag>
                <Typography.Text strong>{finding.project ?? t('workflow.submit.overall')}</Typography.Text>{' '}
                {findingLocation(finding.path, t)}：{locale === 'en' ? finding.messageEn : finding.message}
              </span>
            </List.Item>
          )}
        />
      )}
      {listed.length > SHOWN && (
        <Typography.Text type="secondary">{t('workflow.submit.more', { n: listed.length - SHOWN })}</Typography.Text>
      )}
      <Typography.Paragraph className="submit-findings-note">{t('workflow.submit.reviewerSees')}</Typography.Paragraph>
    </div>
  );
}
