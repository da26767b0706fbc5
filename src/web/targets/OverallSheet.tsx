import type { OverallTargets, Unit } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { IndicatorTable } from '../projects/IndicatorRows.tsx';
import { OfficialColumns } from '../projects/OfficialColumns.tsx';
import { formatYuan } from '../shared/format.ts';
import '../projects/project-table.css';

/**
 * 部门（单位）整体支出绩效目标表: the department-level table when the document has one (annual budget split
 * in columns, the overall goals, the indicators under merged 一级/二级); nothing for the seed's layout,
 * which states the overall targets as text only.
 */
export function OverallSheet({ unit, overall }: { unit?: Unit | undefined; overall: OverallTargets }) {
  const { t } = useI18n();
  const indicators = overall.indicators ?? [];
  if (overall.budget === undefined && indicators.length === 0) return null;
  const budget = overall.budget;
  return (
    <section className="project-block overall-sheet" data-testid="overall-sheet">
      <h3 className="sheet-title">{t('sheet.overallTable')}</h3>
      <div className="official-caption">
        <span>{unit ? `${unit.code} ${unit.name}` : ''}</span>
        <span>{t('table.unitOfMeasure')}</span>
      </div>
      <div className="official-scroll">
        <table className="official-table">
          <OfficialColumns />
          <tbody>
            {budget && (
              <tr data-testid="overall-budget">
                <th>{t('sheet.overallBudget')}</th>
                <th className="sub-head">{t('sheet.overallTotal')}</th>
                <td className="num">{formatYuan(budget.total)}</td>
                <th className="sub-head">{t('sheet.fiscal')}</th>
                <td className="num">{formatYuan(budget.fiscal)}</td>
                <th className="sub-head">{t('sheet.other')}</th>
                <td className="num">{formatYuan(budget.other)}</td>
              </tr>
            )}
            <tr>
              <th>{t('dept.overallGoals')}</th>
              <td colSpan={6} className="text-cell">
                {overall.goals.map((goal) => (
                  <div key={goal.seq}>{`${goal.seq}. ${goal.title}`}</div>
                ))}
              </td>
            </tr>
          </tbody>
        </table>
        {indicators.length > 0 && <IndicatorTable indicators={indicators} />}
      </div>
    </section>
  );
}
