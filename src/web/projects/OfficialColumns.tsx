/**
 * The Word form's grid (src/documents/docx/table-model.ts): a label column and six columns, which the budget
 * row uses as 预算数 | amount | 财政资金 | amount | 其他资金 | amount and the indicator rows as
 * 二级 | 三级 | 描述 ×2 | 指标值 | 依据. Same widths, in percent of the table.
 */
export function OfficialColumns() {
  return (
    <colgroup>
      {OFFICIAL_WIDTHS.map((width, i) => (
        <col key={i} style={{ width: `${width}%` }} />
      ))}
    </colgroup>
  );
}

const OFFICIAL_WIDTHS = [12.5, 14, 16.6, 14.5, 14.5, 13.5, 14.4];
