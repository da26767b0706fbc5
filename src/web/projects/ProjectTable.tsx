import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import type { Project, Unit } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatPercent, formatYuan } from '../shared/format.ts';
import { reviewCell } from '../review/cell-key.ts';
import { IndicatorTable } from './IndicatorRows.tsx';
import { ProjectSheet, type SheetCells } from './ProjectSheet.tsx';
import './project-table.css';

interface Props {
  unit: Unit;
  project: Project;
  seq: number;
  /** Absent when the user may not change the targets now: no edit or delete buttons then. */
  onEdit?: (() => void) | undefined;
  onDelete?: (() => Promise<void>) | undefined;
  /**
   * Why the user, whose role edits targets, cannot now ("已报送，等待主管部门审核"): 编辑 and 删除 are shown
   * disabled with it. Null or absent with no onEdit: the role never edits, no buttons at all.
   */
  lockedReason?: string | null | undefined;
  /** Review findings' cell keys ('indicators.1.target', 'goals.0', …) to highlight; optional. */
  highlights?: ReadonlySet<string>;
}

/**
 * One project's 绩效目标表, laid out as the Word writer lays it out (one grid: a label column and six), merged
 * cells included; the indicator block is a second table on the same grid, so that its header row repeats
 * on each printed page (a table repeats only its thead).
 */
export function ProjectTable({ unit, project, seq, onEdit, onDelete, lockedReason, highlights }: Props) {
  const { t } = useI18n();
  return (
    <section className="project-block" data-testid={`project-${project.code}`} data-review-scope={project.code}>
      <div className="project-heading">
        <h3>{t('table.caption', { n: seq, name: project.name })}</h3>
        <ProjectActions project={project} onEdit={onEdit} onDelete={onDelete} lockedReason={lockedReason} />
      </div>
      <div className="official-caption">
        <span>
          {unit.code}
          {unit.name}
        </span>
        <span>{t('table.unitOfMeasure')}</span>
      </div>
      <div className="official-scroll">
        <ProjectSheet
          cells={viewCells(project, highlights)}
          cell={(key, className) => reviewCell(highlights, key, className)}
        />
        <IndicatorTable indicators={project.indicators} highlights={highlights} />
      </div>
    </section>
  );
}

/** The sheet's cells as text; 主管部门/实施单位/实施期限 only when the document states them (the seed's form has none). */
function viewCells(project: Project, highlights: ReadonlySet<string> | undefined): SheetCells {
  const details = project.details;
  return {
    code: project.code,
    name: project.name,
    ...(details?.department === undefined ? {} : { department: details.department }),
    ...(details?.implementer === undefined ? {} : { implementer: details.implementer }),
    ...(details?.period === undefined ? {} : { period: details.period }),
    total: formatYuan(project.budget.total),
    fiscal: formatYuan(project.budget.fiscal),
    other: formatYuan(project.budget.other),
    purpose: project.purpose,
    plan: project.spendingPlan.map((c) => ({
      month: <MonthEnd month={c.month} />,
      percent: formatPercent(c.cumulativePercent),
    })),
    goals: project.goals.map((goal, i) => (
      <div key={i} {...reviewCell(highlights, `goals.${i}`)}>{`${i + 1}、${goal}`}</div>
    )),
  };
}

function MonthEnd({ month }: { month: number }) {
  const { t } = useI18n();
  return <>{t('table.monthEnd', { month })}</>;
}

/** 编辑 / 删除: live when the user may change the targets now, disabled with the reason while they are locked. */
function ProjectActions({ project, onEdit, onDelete, lockedReason }: Omit<Props, 'unit' | 'seq' | 'highlights'>) {
  const { t } = useI18n();
  if (!onEdit && !onDelete && !lockedReason) return null;
  if (!onEdit && !onDelete)
    return (
      <Tooltip title={lockedReason}>
        <Space data-testid="project-actions-locked" data-reason={lockedReason ?? undefined}>
          <Button icon={<EditOutlined />} disabled>
            {t('table.edit')}
          </Button>
          <Button danger icon={<DeleteOutlined />} disabled>
            {t('table.delete')}
          </Button>
        </Space>
      </Tooltip>
    );
  return (
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
  );
}
