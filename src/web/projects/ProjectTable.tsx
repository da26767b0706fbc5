import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { Project, Unit } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatPercent, formatYuan } from '../shared/format.ts';
import { reviewCell } from '../review/cell-key.ts';
import { IndicatorTable } from './IndicatorRows.tsx';
import { OfficialColumns } from './OfficialColumns.tsx';
import './project-table.css';

interface Props {
  unit: Unit;
  project: Project;
  seq: number;
  /** Absent when the user may not change the targets now: no edit or delete buttons then. */
  onEdit?: (() => void) | undefined;
  onDelete?: (() => Promise<void>) | undefined;
  /** Review findings' cell keys ('indicators.1.target', 'goals.0', …) to highlight; optional. */
  highlights?: ReadonlySet<string>;
}

/**
 * One project's 绩效目标表, laid out as the Word writer lays it out (one grid: a label column and six), merged
 * cells included; the indicator block is a second table on the same grid, so that its header row repeats
 * on each printed page (a table repeats only its thead).
 */
export function ProjectTable({ unit, project, seq, onEdit, onDelete, highlights }: Props) {
  const { t } = useI18n();
  return (
    <section className="project-block" data-testid={`project-${project.code}`} data-review-scope={project.code}>
      <div className="project-heading">
        <h3>{t('table.caption', { n: seq, name: project.name })}</h3>
        <Space>
          {onEdit && (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('table.edit')}
            </Button>
          )}
          {onDelete && (
            <Popconfirm
              title={t('table.deleteConfirm', { name: project.name })}
              onConfirm={onDelete}
              okButtonProps={{ danger: true }}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('table.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <div className="official-caption">
        <span>
          {unit.code}
          {unit.name}
        </span>
        <span>{t('table.unitOfMeasure')}</span>
      </div>
      <div className="official-scroll">
        <table className="official-table">
          <OfficialColumns />
          <tbody>
            <tr>
              <th>{t('table.projectCode')}</th>
              <td colSpan={2} {...reviewCell(highlights, 'code', 'code-cell')}>
                {project.code}
              </td>
              <th>{t('table.projectName')}</th>
              <td colSpan={3} {...reviewCell(highlights, 'name')}>
                {project.name}
              </td>
            </tr>
            <DetailRows project={project} />
            <BudgetRows project={project} highlights={highlights} />
            <SpendingPlanRows project={project} highlights={highlights} />
            <tr>
              <th>{t('table.goals')}</th>
              <td colSpan={6} {...reviewCell(highlights, 'goals', 'text-cell')}>
                {project.goals.map((goal, i) => (
                  <div key={i} {...reviewCell(highlights, `goals.${i}`)}>{`${i + 1}、${goal}`}</div>
                ))}
              </td>
            </tr>
          </tbody>
        </table>
        <IndicatorTable indicators={project.indicators} highlights={highlights} />
      </div>
    </section>
  );
}

/** 主管部门 / 实施单位 / 实施期限: rows the provincial layouts have; the seed's form has none, so none are drawn. */
function DetailRows({ project }: { project: Project }) {
  const { t } = useI18n();
  const details = project.details;
  const cells = [
    details?.department === undefined ? null : { label: t('sheet.department'), text: details.department },
    details?.implementer === undefined ? null : { label: t('sheet.implementer'), text: details.implementer },
    details?.period === undefined ? null : { label: t('sheet.period'), text: details.period },
  ].filter((cell) => cell !== null);
  if (cells.length === 0) return null;
  const rows: (typeof cells)[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(cells.slice(i, i + 2));
  return (
    <>
      {rows.map((pair, r) => (
        <tr key={r} data-testid="detail-row">
          <th>{pair[0]!.label}</th>
          <td colSpan={pair.length === 2 ? 2 : 6}>{pair[0]!.text}</td>
          {pair[1] && (
            <>
              <th>{pair[1].label}</th>
              <td colSpan={3}>{pair[1].text}</td>
            </>
          )}
        </tr>
      ))}
    </>
  );
}

type Highlights = { highlights?: ReadonlySet<string> | undefined };

function BudgetRows({ project, highlights }: { project: Project } & Highlights) {
  const { t } = useI18n();
  const { total, fiscal, other } = project.budget;
  return (
    <>
      <tr data-testid="budget-row">
        <th rowSpan={2}>{t('table.budgetAndPurpose')}</th>
        <th className="sub-head">{t('table.budget')}</th>
        <td {...reviewCell(highlights, 'budget.total', 'num')}>{formatYuan(total)}</td>
        <th className="sub-head">{t('table.fiscal')}</th>
        <td {...reviewCell(highlights, 'budget.fiscal', 'num')}>{formatYuan(fiscal)}</td>
        <th className="sub-head">{t('table.other')}</th>
        <td {...reviewCell(highlights, 'budget.other', 'num')}>{formatYuan(other)}</td>
      </tr>
      <tr>
        <td colSpan={6} {...reviewCell(highlights, 'purpose', 'text-cell')}>
          {project.purpose}
        </td>
      </tr>
    </>
  );
}

/**
 * 资金支出计划（%）: the checkpoints share the row equally (the Word grid splits its columns for that; here a
 * grid of their own inside the row's cell), months above, cumulative percents below.
 */
function SpendingPlanRows({ project, highlights }: { project: Project } & Highlights) {
  const { t } = useI18n();
  const plan = project.spendingPlan;
  return (
    <tr>
      <th {...reviewCell(highlights, 'spendingPlan')}>{t('table.spendingPlan')}</th>
      <td colSpan={6} className="plan-cell">
        {plan.length > 0 && (
          <table className="plan-grid">
            <tbody>
              <tr>
                {plan.map((c, i) => (
                  <th key={i} className="sub-head">
                    {t('table.monthEnd', { month: c.month })}
                  </th>
                ))}
              </tr>
              <tr>
                {plan.map((c, i) => (
                  <td key={i} {...reviewCell(highlights, `spendingPlan.${i}.cumulativePercent`, 'center')}>
                    {formatPercent(c.cumulativePercent)}
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
