/**
 * The Word form's grid (src/documents/docx/table-model.ts): a label column and six columns, which the budget
 * row uses as 预算数 | amount | 财政资金 | amount | 其他资金 | amount and the indicator rows as
 * 二级 | 三级 | 描述 ×2 | 指标值 | 依据. Same widths, in percent of the table. The editor's indicator block
 * adds a narrow last column for its row controls (drag, 上移/下移, 删除); the form's columns keep their
 * proportions beside it.
 */
export function OfficialColumns({ actions = false }: { actions?: boolean }) {
  const scale = actions ? (100 - ACTIONS_WIDTH) / 100 : 1;
  return (
    <colgroup>
      {OFFICIAL_WIDTHS.map((width, i) => (
        <col key={i} style={{ width: `${width * scale}%` }} />
      ))}
      {actions && <col style={{ width: `${ACTIONS_WIDTH}%` }} />}
    </colgroup>
  );
}

const OFFICIAL_WIDTHS = [12.5, 14, 16.6, 14.5, 14.5, 13.5, 14.4];
const ACTIONS_WIDTH = 11;
