import type { Indicator, Project, Unit } from '../../domain/targets.ts';
import { AMOUNT_UNIT_LABEL, INDICATOR_HEADERS, LABELS } from '../seed-text/layout.ts';
import { formatPercent, goalLines, mergeRuns } from './outline.ts';

/*
 * One 项目绩效目标表 as a grid of cells, shared by the .docx and the .pdf writers.
 * The grid: a label column, then six logical columns (二级 | 三级 | 描述 ×2 | 指标值 | 依据, which the budget row
 * uses as 预算数 | amount | 财政资金 | amount | 其他资金 | amount). The 资金支出计划 row must divide the six columns
 * among its checkpoints, so each logical column is split into k grid columns with 6k divisible by the number
 * of checkpoints. Every row then covers 1 + 6k grid columns exactly, which Word and LibreOffice require.
 */
export interface GridCell {
  text: string;
  /** First and last grid column covered (inclusive). */
  gridFrom: number;
  gridTo: number;
  label?: boolean;
  /** Vertical merge: 'restart' starts a cell that the 'continue' cells below (same columns) extend. */
  merge?: 'restart' | 'continue';
  align?: 'left' | 'center' | 'right';
  /** The unit line above the table proper: drawn without side and top borders. */
  caption?: boolean;
}

export interface GridTable {
  /** Widths of the grid columns, in twips (1/20 pt). */
  columnWidths: number[];
  rows: GridCell[][];
  /** Index of the indicator header row, repeated on a new page. */
  headerRow: number;
}

interface CellSpec extends Omit<GridCell, 'gridFrom' | 'gridTo'> {
  /** Logical columns covered (inclusive); 0 is the label column. */
  from: number;
  to: number;
}

const LABEL_WIDTH = 1200;
/** Logical columns 1..6; the table is as wide as the text (A4 less 2 cm margins: 9638 twips). */
const LOGICAL_WIDTHS = [1350, 1600, 1400, 1400, 1300, 1388];
export const TABLE_WIDTH = LABEL_WIDTH + LOGICAL_WIDTHS.reduce((a, b) => a + b, 0);

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function projectGrid(unit: Unit, project: Project): GridTable {
  const n = Math.max(1, project.spendingPlan.length);
  const k = n / gcd(6, n);
  const toGrid = ({ from, to, ...rest }: CellSpec): GridCell => ({
    ...rest,
    gridFrom: from === 0 ? 0 : 1 + (from - 1) * k,
    gridTo: to === 0 ? 0 : to * k,
  });
  const rows: GridCell[][] = [
    [
      {
        text: `${unit.code}${/^\d/.test(unit.name) ? ' ' : ''}${unit.name}`,
        from: 0,
        to: 4,
        align: 'left',
        caption: true,
      },
      { text: AMOUNT_UNIT_LABEL, from: 5, to: 6, align: 'right', caption: true },
    ],
    [
      { text: LABELS.code[0], from: 0, to: 0, label: true },
      { text: project.code, from: 1, to: 2 },
      { text: LABELS.name[0], from: 3, to: 3, label: true },
      { text: project.name, from: 4, to: 6 },
    ],
    [
      { text: LABELS.budget[0], from: 0, to: 0, label: true, merge: 'restart' },
      { text: LABELS.total[0], from: 1, to: 1, label: true },
      { text: project.budget.total ?? '', from: 2, to: 2, align: 'right' },
      { text: LABELS.fiscal[0], from: 3, to: 3, label: true },
      { text: project.budget.fiscal ?? '', from: 4, to: 4, align: 'right' },
      { text: LABELS.other[0], from: 5, to: 5, label: true },
      { text: project.budget.other ?? '', from: 6, to: 6, align: 'right' },
    ],
    [
      { text: '', from: 0, to: 0, merge: 'continue' },
      { text: project.purpose, from: 1, to: 6, align: 'left' },
    ],
  ].map((cells) => (cells as CellSpec[]).map(toGrid));
  if (project.spendingPlan.length > 0) rows.push(...spendingRows(project, 6 * k));
  rows.push(
    [
      { text: LABELS.goals[0], from: 0, to: 0, label: true },
      { text: goalLines(project.goals).join('\n'), from: 1, to: 6, align: 'left' },
    ].map((c) => toGrid(c as CellSpec)),
  );
  const headerRow = rows.length;
  rows.push(INDICATOR_HEADERS.map((text, i) => toGrid({ text, ...INDICATOR_COLUMNS[i]!, label: true })));
  rows.push(...indicatorRows(project.indicators).map((cells) => cells.map(toGrid)));
  const columnWidths = [LABEL_WIDTH, ...LOGICAL_WIDTHS.flatMap((w) => splitWidth(w, k))];
  return { columnWidths, rows, headerRow };
}

/** 一级 | 二级 | 三级 | 描述 (two logical columns) | 指标值 | 依据. */
const INDICATOR_COLUMNS = [
  { from: 0, to: 0 },
  { from: 1, to: 1 },
  { from: 2, to: 2 },
  { from: 3, to: 4 },
  { from: 5, to: 5 },
  { from: 6, to: 6 },
] as const;

function splitWidth(width: number, k: number): number[] {
  const base = Math.floor(width / k);
  return Array.from({ length: k }, (_, i) => (i === k - 1 ? width - base * (k - 1) : base));
}

/** Checkpoint months over the 6k grid columns right of the label, then their cumulative percents. */
function spendingRows(project: Project, gridColumns: number): GridCell[][] {
  const per = gridColumns / project.spendingPlan.length;
  const at = (i: number): Pick<GridCell, 'gridFrom' | 'gridTo'> => ({ gridFrom: 1 + i * per, gridTo: (i + 1) * per });
  return [
    [
      { text: LABELS.spending[0], gridFrom: 0, gridTo: 0, label: true, merge: 'restart' },
      ...project.spendingPlan.map((c, i) => ({ text: `${c.month}月底`, ...at(i), label: true })),
    ],
    [
      { text: '', gridFrom: 0, gridTo: 0, merge: 'continue' },
      ...project.spendingPlan.map((c, i) => ({
        text: c.cumulativePercent === null ? '' : formatPercent(c.cumulativePercent),
        ...at(i),
      })),
    ],
  ];
}

/** 一级 merges over the rows that repeat it; 二级 merges where both 一级 and 二级 repeat. */
function indicatorRows(indicators: Indicator[]): CellSpec[][] {
  const level1 = mergeRuns(indicators.map((i) => (i.level1 === '' ? null : i.level1)));
  const level2 = mergeRuns(
    indicators.map((i) => (i.level1 === '' || i.level2 === '' ? null : JSON.stringify([i.level1, i.level2]))),
  );
  return indicators.map((indicator, i) => {
    const texts = [
      level1[i] === 'continue' ? '' : indicator.level1,
      level2[i] === 'continue' ? '' : indicator.level2,
      indicator.name,
      indicator.description,
      indicator.target.raw,
      indicator.basis,
    ];
    return texts.map((text, c) => ({
      text,
      ...INDICATOR_COLUMNS[c]!,
      ...(c === 0 && level1[i] ? { merge: level1[i] } : {}),
      ...(c === 1 && level2[i] ? { merge: level2[i] } : {}),
      ...(c === 3 ? { align: 'left' as const } : {}),
    }));
  });
}
