import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { Project, Unit } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatPercent, formatYuan } from '../shared/format.ts';
import { reviewCell } from '../review/cell-key.ts';
import { IndicatorRows } from './IndicatorRows.tsx';
import { spreadColumns } from './table-layout.ts';
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

/** One project's 绩效目标表, laid out as in the published document: six columns, merged cells. */
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
      <table className="official-table">
        <colgroup>
          <col style={{ width: '12%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '15%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>{t('table.projectCode')}</th>
            <td colSpan={2} {...reviewCell(highlights, 'code', 'code-cell')}>
              {project.code}
            </td>
            <th>{t('table.projectName')}</th>
            <td colSpan={2} {...reviewCell(highlights, 'name')}>
              {project.name}
            </td>
          </tr>
          <BudgetRows project={project} highlights={highlights} />
          <SpendingPlanRows project={project} highlights={highlights} />
          <tr>
            <th>{t('table.goals')}</th>
            <td colSpan={5} {...reviewCell(highlights, 'goals', 'text-cell')}>
              {project.goals.map((goal, i) => (
                <div key={i} {...reviewCell(highlights, `goals.${i}`)}>{`${i + 1}、${goal}`}</div>
              ))}
            </td>
          </tr>
          <IndicatorRows indicators={project.indicators} highlights={highlights} />
        </tbody>
      </table>
    </section>
  );
}

type Highlights = { highlights?: ReadonlySet<string> | undefined };

function BudgetRows({ project, highlights }: { project: Project } & Highlights) {
  const { t } = useI18n();
  const { total, fiscal, other } = project.budget;
  return (
    <>
      <tr>
        <th rowSpan={3}>{t('table.budgetAndPurpose')}</th>
        <th>{t('table.budget')}</th>
        <td {...reviewCell(highlights, 'budget.total', 'num')}>{formatYuan(total)}</td>
        <td rowSpan={3} colSpan={3} {...reviewCell(highlights, 'purpose', 'text-cell')}>
          {project.purpose}
        </td>
      </tr>
      <tr>
        <th>{t('table.fiscal')}</th>
        <td {...reviewCell(highlights, 'budget.fiscal', 'num')}>{formatYuan(fiscal)}</td>
      </tr>
      <tr>
        <th>{t('table.other')}</th>
        <td {...reviewCell(highlights, 'budget.other', 'num')}>{formatYuan(other)}</td>
      </tr>
    </>
  );
}

function SpendingPlanRows({ project, highlights }: { project: Project } & Highlights) {
  const { t } = useI18n();
  const plan = project.spendingPlan;
  const spans = spreadColumns(plan.length, 5);
  if (plan.length === 0) {
    return (
      <tr>
        <th>{t('table.spendingPlan')}</th>
        <td colSpan={5} {...reviewCell(highlights, 'spendingPlan')} />
      </tr>
    );
  }
  return (
    <>
      <tr>
        <th rowSpan={2} {...reviewCell(highlights, 'spendingPlan')}>
          {t('table.spendingPlan')}
        </th>
        {plan.map((c, i) => (
          <th key={i} colSpan={spans[i]} className="sub-head">
            {t('table.monthEnd', { month: c.month })}
          </th>
        ))}
      </tr>
      <tr>
        {plan.map((c, i) => (
          <td key={i} colSpan={spans[i]} {...reviewCell(highlights, `spendingPlan.${i}.cumulativePercent`, 'center')}>
            {formatPercent(c.cumulativePercent)}
          </td>
        ))}
      </tr>
    </>
  );
}
