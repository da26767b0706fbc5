import { Card, Empty, Tag, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import type { FindingDto, ReviewReportDto } from '../../contract/review.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { groupFindings } from './cell-key.ts';
import './review.css';
import { criterionText, gradeText } from '../i18n/vocabulary.ts';

const SEVERITY_COLORS = { error: 'error', warning: 'warning', info: 'processing' } as const;
const GRADE_COLORS: Record<string, string> = { 优: 'success', 良: 'processing', 中: 'warning', 差: 'error' };

interface Props {
  grade: string;
  findings: FindingDto[];
  /** Rules left out because the project's source layout has no such field (issue 15). */
  notApplicable?: ReviewReportDto['notApplicable'];
  /** Project code → name, for group titles. */
  projectNames: ReadonlyMap<string, string>;
  onLocate: (finding: FindingDto) => void;
}

/** 审核意见: the grade, then findings grouped by project (department last); a click locates the cell. */
export function ReviewPanel({ grade, findings, notApplicable, projectNames, onLocate }: Props) {
  const { t, locale } = useI18n();
  const count = (severity: FindingDto['severity']) => findings.filter((f) => f.severity === severity).length;
  const title = (project: string | null) =>
    project === null
      ? t('review.department')
      : `${t('review.project', { code: project })} ${projectNames.get(project) ?? ''}`;
  const onKey = (finding: FindingDto) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onLocate(finding);
    }
  };
  return (
    <Card title={t('review.findings')} className="page-card" data-testid="review-panel">
      <Typography.Paragraph>
        {t('review.grade')}：
        <Tag color={GRADE_COLORS[grade]} data-testid="review-grade">
          {gradeText(grade, t)}
        </Tag>
        <Typography.Text type="secondary">
          {t('review.counts', { errors: count('error'), warnings: count('warning'), infos: count('info') })}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('review.gradeHint')}</Typography.Paragraph>
      {findings.length === 0 && <Empty description={t('review.none')} />}
      {groupFindings(findings).map((group) => (
        <section key={group.project ?? 'overall'} data-testid={`review-group-${group.project ?? 'overall'}`}>
          <div className="review-group-title">{title(group.project)}</div>
          {group.findings.map((finding, i) => (
            <div
              key={i}
              role="button"
              tabIndex={0}
              title={t('review.locate')}
              className="review-finding"
              data-testid="review-finding"
              data-rule={finding.rule}
              onClick={() => onLocate(finding)}
              onKeyDown={onKey(finding)}
            >
              <Tag color={SEVERITY_COLORS[finding.severity]}>{t(`review.severity.${finding.severity}`)}</Tag>
              <Tag>{criterionText(finding.criterion, t)}</Tag>
              {locale === 'en' ? finding.messageEn : finding.message}
              <div className="review-finding-rule">{finding.rule}</div>
            </div>
          ))}
        </section>
      ))}
      {notApplicable && notApplicable.length > 0 && (
        <section data-testid="review-not-applicable">
          <div className="review-group-title">{t('review.notApplicable')}</div>
          {notApplicable.map((skipped) => (
            <div key={`${skipped.project} ${skipped.rule} ${skipped.field}`} className="review-finding">
              {title(skipped.project)}：{locale === 'en' ? skipped.messageEn : skipped.message}
            </div>
          ))}
        </section>
      )}
    </Card>
  );
}
