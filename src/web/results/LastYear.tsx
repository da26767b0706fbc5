import { Tag, Typography } from 'antd';
import type { PreviousActualsResponse } from '../../contract/fiscal-years.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { gradeText } from '../i18n/vocabulary.ts';
import { useAsync } from '../shared/use-async.ts';
import { fetchPreviousActuals } from '../years/api.ts';
import './results.css';

type LastYearProject = PreviousActualsResponse['projects'][number];

/** Last year's 自评 per this year's project code (previous-actuals, decision 048); empty while loading or none. */
export function useLastYear(
  unitCode: string,
  year: number,
): { year: number | null; byCode: Map<string, LastYearProject> } {
  const { data } = useAsync(() => fetchPreviousActuals(unitCode, year), `${unitCode}/${year}/last-year`);
  return {
    year: data?.previousYear ?? null,
    byCode: new Map((data?.projects ?? []).map((p) => [p.projectCode, p])),
  };
}

/** Beside a project on the review page: last year's score and grade, 差 flagged, and open rectifications. */
export function LastYearLine({ match, year }: { match: LastYearProject | undefined; year: number | null }) {
  const { t } = useI18n();
  if (!match || year === null) return null;
  const score = match.score === null ? '—' : String(match.score);
  return (
    <div className="last-year-line" data-testid="last-year">
      <Typography.Text type="secondary">{t('results.label', { label: t('results.lastYear') })}</Typography.Text>
      <span>{t('results.lastYearOf', { year, score, grade: gradeText(match.grade, t) })}</span>
      {match.matchedBy === 'name' && (
        <Typography.Text type="secondary"> {t('results.lastYearByName', { code: match.code })}</Typography.Text>
      )}
      {match.grade === '差' && (
        <Tag color="red" className="last-year-tag">
          {t('results.lastYearPoor')}
        </Tag>
      )}
      {match.openNotices > 0 && <Tag color="orange">{t('results.openNotices', { n: match.openNotices })}</Tag>}
    </div>
  );
}
