import type { ReactNode, TdHTMLAttributes } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { OfficialColumns } from './OfficialColumns.tsx';

/** What a cell of the sheet holds: the view's text or the editor's input. */
export interface SheetCells {
  code: ReactNode;
  name: ReactNode;
  /** 主管部门 / 实施单位 / 实施期限: a row is drawn for each one given (the view: when the document states it). */
  department?: ReactNode;
  implementer?: ReactNode;
  period?: ReactNode;
  total: ReactNode;
  fiscal: ReactNode;
  other: ReactNode;
  purpose: ReactNode;
  /** The spending plan's checkpoints, one column each: month above, cumulative percent below. */
  plan: { month: ReactNode; percent: ReactNode }[];
  /** A last column of the plan's grid (the editor's 添加时间点). */
  planExtra?: { month: ReactNode; percent: ReactNode };
  goals: ReactNode;
}

/** The attributes of the cell at `key` ('budget.total', 'spendingPlan.1.cumulativePercent'): review marks, alignment. */
export type CellProps = (
  key: string,
  className?: string,
) => TdHTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string | undefined>;

const plainCell: CellProps = (key, className) => ({ className, 'data-cell': key });

/**
 * The upper table of the 项目支出绩效目标表 on the Word form's grid (a label column and six): code and name,
 * 主管部门/实施单位/实施期限, the budget in one row (预算数 | amount | 其中：财政资金 | amount | 其他资金 | amount)
 * above 资金用途, the checkpoints sharing their row, the goals. The view, the print page and the editor all draw
 * this one grid, each with its own cells (decision 044).
 */
export function ProjectSheet({ cells, cell = plainCell }: { cells: SheetCells; cell?: CellProps }) {
  const { t } = useI18n();
  return (
    <table className="official-table">
      <OfficialColumns />
      <tbody>
        <tr>
          <th>{t('table.projectCode')}</th>
          <td colSpan={2} {...cell('code', 'code-cell')}>
            {cells.code}
          </td>
          <th>{t('table.projectName')}</th>
          <td colSpan={3} {...cell('name')}>
            {cells.name}
          </td>
        </tr>
        <DetailRows cells={cells} cell={cell} />
        <tr data-testid="budget-row">
          <th rowSpan={2}>{t('table.budgetAndPurpose')}</th>
          <th className="sub-head">{t('table.budget')}</th>
          <td {...cell('budget.total', 'num')}>{cells.total}</td>
          <th className="sub-head">{t('table.fiscal')}</th>
          <td {...cell('budget.fiscal', 'num')}>{cells.fiscal}</td>
          <th className="sub-head">{t('table.other')}</th>
          <td {...cell('budget.other', 'num')}>{cells.other}</td>
        </tr>
        <tr>
          <td colSpan={6} {...cell('purpose', 'text-cell')}>
            {cells.purpose}
          </td>
        </tr>
        <PlanRow cells={cells} cell={cell} />
        <tr>
          <th>{t('table.goals')}</th>
          <td colSpan={6} {...cell('goals', 'text-cell')}>
            {cells.goals}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** 主管部门 / 实施单位 / 实施期限, two to a row as the provincial layouts have them. */
function DetailRows({ cells, cell }: { cells: SheetCells; cell: CellProps }) {
  const { t } = useI18n();
  const given = [
    { key: 'details.department', label: t('sheet.department'), content: cells.department },
    { key: 'details.implementer', label: t('sheet.implementer'), content: cells.implementer },
    { key: 'details.period', label: t('sheet.period'), content: cells.period },
  ].filter((entry) => entry.content !== undefined);
  const rows: (typeof given)[] = [];
  for (let i = 0; i < given.length; i += 2) rows.push(given.slice(i, i + 2));
  return (
    <>
      {rows.map((pair, r) => (
        <tr key={r} data-testid="detail-row">
          <th>{pair[0]!.label}</th>
          <td colSpan={pair.length === 2 ? 2 : 6} {...cell(pair[0]!.key)}>
            {pair[0]!.content}
          </td>
          {pair[1] && (
            <>
              <th>{pair[1].label}</th>
              <td colSpan={3} {...cell(pair[1].key)}>
                {pair[1].content}
              </td>
            </>
          )}
        </tr>
      ))}
    </>
  );
}

/**
 * 资金支出计划（%）: the checkpoints share the row equally (the Word grid splits its columns for that; here a
 * grid of their own inside the row's cell), months above, cumulative percents below.
 */
function PlanRow({ cells, cell }: { cells: SheetCells; cell: CellProps }) {
  const { t } = useI18n();
  const columns = cells.planExtra ? [...cells.plan, cells.planExtra] : cells.plan;
  return (
    <tr>
      <th {...cell('spendingPlan')}>{t('table.spendingPlan')}</th>
      <td colSpan={6} className="plan-cell">
        {columns.length > 0 && (
          <table className="plan-grid">
            <tbody>
              <tr>
                {columns.map((c, i) => (
                  <th key={i} className="sub-head">
                    {c.month}
                  </th>
                ))}
              </tr>
              <tr>
                {columns.map((c, i) => (
                  <td key={i} {...cell(`spendingPlan.${i}.cumulativePercent`, 'center')}>
                    {c.percent}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        )}
      </td>
    </tr>
  );
}
