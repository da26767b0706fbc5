import { HEADER_LABELS, type HeaderField, labelKey } from './labels.ts';
import type { Sheet } from './sheet.ts';
import { headerField, isLabel, keysOf } from './vocabulary.ts';

/** A label–value pair found in a table: the label as written and where the value sits. */
export interface FieldValue {
  label: string;
  text: string;
  row: number;
  column: number;
}

export type Fields = Map<HeaderField, FieldValue[]>;

/**
 * Every label–value pair in `rows`: a cell whose text is a known label takes the next non-label cell to its
 * right; in a row of labels only (column heads), the cell below. "标签：值" in one cell counts too.
 */
export function scanFields(sheet: Sheet, rows: Iterable<number>, fields: Fields = new Map()): Fields {
  for (const row of rows) {
    sheet.rows[row]!.forEach((text, column) => {
      if (text === '' || isCopy(sheet, row, column)) return;
      for (const found of [labelValue(sheet, row, column, text), purposeBelow(sheet, row, column, text)]) {
        if (!found) continue;
        const list = fields.get(found.field) ?? [];
        list.push(found.value);
        fields.set(found.field, list);
      }
    });
  }
  return fields;
}

/**
 * The seed's (河北) "预算规模及资金用途": one label merged down over two rows, the amounts right of its first row and
 * the 资金用途 text right of its second. The second row has no label of its own, so its text is the purpose.
 */
function purposeBelow(
  sheet: Sheet,
  row: number,
  column: number,
  text: string,
): { field: HeaderField; value: FieldValue } | null {
  if (!text.includes('资金用途') || headerField(text) === 'purpose') return null;
  const below = row + 1;
  if (below >= sheet.rows.length || sheet.rows[below]![column] !== text) return null;
  const cells = sheet.rows[below]!;
  for (let right = column + 1; right < sheet.width; right += 1) {
    const value = cells[right]!;
    if (value === '' || value === text) continue;
    return isLabel(value)
      ? null
      : { field: 'purpose', value: { label: '资金用途', text: value, row: below, column: right } };
  }
  return null;
}

/** A merge copy of the cell to its left or above: its label was read there. */
function isCopy(sheet: Sheet, row: number, column: number): boolean {
  const text = sheet.rows[row]![column];
  return (
    sheet.copies[row]![column]! &&
    ((column > 0 && sheet.rows[row]![column - 1] === text) || (row > 0 && sheet.rows[row - 1]![column] === text))
  );
}

function labelValue(
  sheet: Sheet,
  row: number,
  column: number,
  text: string,
): { field: HeaderField; value: FieldValue } | null {
  const field = headerField(text);
  if (field) return { field, value: { label: text, ...valueOf(sheet, row, column, text) } };
  const inline = /^([^：:\n]{2,16})[：:]\s*([\s\S]+)$/.exec(text);
  const inlineField = inline ? headerField(inline[1]!) : null;
  if (!inline || !inlineField) return null;
  // "填报单位：某局    单位：元": the value ends where the next "label：" starts after a space.
  const value = inline[2]!.split(/\s+(?=[^\s：:]{1,10}[：:])/)[0]!.trim();
  return { field: inlineField, value: { label: inline[1]!, text: value, row, column } };
}

function valueOf(sheet: Sheet, row: number, column: number, label: string): Omit<FieldValue, 'label'> {
  const cells = sheet.rows[row]!;
  let right = column + 1;
  // Merge copies of the label, and the empty places a merged value leaves in text pastes.
  while (right < sheet.width && (cells[right] === label || cells[right] === '')) right += 1;
  const rightText = right < sheet.width ? cells[right]! : '';
  if (rightText !== '' && !isLabel(rightText)) return { text: rightText, row, column: right };
  // Column heads: a row of labels only ("资金总额 | 财政资金 | 其他资金") has its values in the row below.
  if (cells.every((text) => text === '' || isLabel(text))) {
    let below = row + 1;
    while (below < sheet.rows.length && sheet.rows[below]![column] === label) below += 1;
    const belowText = below < sheet.rows.length ? sheet.rows[below]![column]! : '';
    if (belowText !== '' && !isLabel(belowText)) return { text: belowText, row: below, column };
  }
  return { text: '', row, column: Math.min(right, sheet.width - 1) };
}

/**
 * The value a field takes when its label appears more than once: the first non-empty one in the vocabulary's
 * order of preference (年度目标 before 总体目标, 年度资金总额 before 项目资金); for 财政拨款 / 其他资金 / 上年结转,
 * the one in the column of the chosen 资金总额 (the 财政部 form prints 中期 and 年度 amounts side by side).
 */
export function chooseField(fields: Fields, field: HeaderField): FieldValue | null {
  const found = (fields.get(field) ?? []).filter((value) => value.text !== '');
  if (found.length === 0) return null;
  if (field === 'budgetFiscal' || field === 'budgetOther' || field === 'budgetCarryOver') {
    const total = chooseField(fields, 'budgetTotal');
    const aligned = total ? found.find((value) => value.column === total.column) : undefined;
    if (aligned) return aligned;
  }
  const order = (HEADER_LABELS[field] ?? []).map(labelKey);
  const rank = (value: FieldValue): number => {
    const index = keysOf(value.label)
      .map((key) => order.indexOf(key))
      .find((i) => i >= 0);
    return index ?? order.length;
  };
  return [...found].sort((a, b) => rank(a) - rank(b))[0]!;
}
