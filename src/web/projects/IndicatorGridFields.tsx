import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { PreviousActual } from '../years/PreviousActual.tsx';
import { IndicatorCellsRow, IndicatorHead } from './IndicatorRows.tsx';
import { BASIS_OPTIONS, level1Options, level2Options } from './indicator-names.ts';
import { OfficialColumns } from './OfficialColumns.tsx';
import { emptyIndicator, type IndicatorFormValues, type ProjectFormValues } from './project-form.ts';
import { SortableList, type RowControls } from './SortableList.tsx';
import { groupRun, indicatorRowSpans, type IndicatorRowSpans } from './table-layout.ts';

const asOptions = (values: readonly string[]) => values.map((value) => ({ value }));
const LEVEL1_OPTIONS = asOptions(level1Options());
const BASIS = asOptions(BASIS_OPTIONS);

/**
 * The indicator block of the editor: the view's grid (IndicatorHead, IndicatorCellsRow) with inputs in its
 * cells. 一级 and 二级 are merged over their rows as on paper, and their one input renames the whole run
 * (typing a name equal to the neighbouring group's joins the two); 添加指标 in a 二级 cell adds a row at the end
 * of that group. A last column holds each row's drag handle, 上移/下移 and 删除.
 */
export function IndicatorGridFields({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ProjectFormValues>();
  // Watched so that typing in a group cell redraws the merges (the list itself redraws only on add/move/remove).
  Form.useWatch('indicators', { form, preserve: true });
  return (
    <div className="official-scroll">
      <table className="official-table indicator-table editor-grid" data-testid="indicator-grid">
        <OfficialColumns actions />
        <IndicatorHead actions={t('grid.actions')} />
        <tbody>
          <Form.List name="indicators">
            {(fields, { add, remove, move }) => {
              const current = (form.getFieldValue('indicators') ?? []) as IndicatorFormValues[];
              const spans = indicatorRowSpans(current.map(groupOf));
              return (
                <>
                  <SortableList
                    rowElement="tr"
                    ids={fields.map((field) => String(field.key))}
                    onMove={move}
                    handleLabel={(i) => t('order.dragIndicator', { n: i + 1 })}
                    renderRow={(_, i, controls) => (
                      <GridRow
                        index={i}
                        rows={current}
                        spans={spans[i] ?? { level1: 1, level2: 1 }}
                        controls={controls}
                        onAddUnder={() => {
                          const run = groupRun(current.map(groupOf), 'level2', i);
                          const { level1, level2 } = current[i] ?? emptyIndicator();
                          add(emptyIndicator(level1, level2), run[run.length - 1]! + 1);
                        }}
                        onRemove={() => remove(i)}
                        unitCode={unitCode}
                        year={year}
                      />
                    )}
                  />
                  <tr>
                    <td colSpan={8}>
                      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyIndicator())}>
                        {t('editor.addIndicator')}
                      </Button>
                    </td>
                  </tr>
                </>
              );
            }}
          </Form.List>
        </tbody>
      </table>
    </div>
  );
}

interface GridRowProps {
  index: number;
  rows: IndicatorFormValues[];
  spans: IndicatorRowSpans;
  controls: RowControls;
  onAddUnder: () => void;
  onRemove: () => void;
  unitCode: string;
  year: number;
}

/** One indicator row's cells as inputs, and its controls in the last column. */
function GridRow({ index, rows, spans, controls, onAddUnder, onRemove, unitCode, year }: GridRowProps) {
  const { t } = useI18n();
  const remove = t('grid.removeIndicator', { n: index + 1 });
  return (
    <>
      <IndicatorCellsRow
        index={index}
        spans={spans}
        cell={(key, className) => ({ className, 'data-cell': key })}
        cells={{
          level1: <GroupCell index={index} field="level1" rows={rows} />,
          level2: (
            <>
              <GroupCell index={index} field="level2" rows={rows} />
              <AddUnder group={rows[index]?.level2 ?? ''} onAdd={onAddUnder} />
            </>
          ),
          name: <TextCell index={index} field="name" label="table.level3" required />,
          description: <TextCell index={index} field="description" label="table.description" area />,
          target: <TargetCell index={index} unitCode={unitCode} year={year} />,
          basis: <BasisCell index={index} />,
        }}
      />
      <td className="row-actions">
        {controls.handle}
        {controls.moveButtons}
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={remove}
          title={remove}
          onClick={onRemove}
          data-testid="remove-indicator"
        />
      </td>
    </>
  );
}

const groupOf = (row: IndicatorFormValues | undefined) => ({
  level1: (row?.level1 ?? '').trim(),
  level2: (row?.level2 ?? '').trim(),
});

function useCellLabel() {
  const { t } = useI18n();
  return (field: MessageKey, index: number) => t('grid.cellLabel', { field: t(field), n: index + 1 });
}

/**
 * A merged 一级/二级 cell's input: bound to the run's first row, it writes every row of the run. The run is
 * the one the cell spanned when the input got focus, so that passing through a neighbour's name while typing
 * does not swallow the neighbour's rows.
 */
function GroupCell({ index, field, rows }: { index: number; field: 'level1' | 'level2'; rows: IndicatorFormValues[] }) {
  const { t } = useI18n();
  const label = useCellLabel();
  const name: MessageKey = field === 'level1' ? 'table.level1' : 'table.level2';
  const rules: Rule[] = [{ required: true, whitespace: true, message: t('editor.required', { field: t(name) }) }];
  const options = field === 'level1' ? LEVEL1_OPTIONS : asOptions(level2Options(rows[index]?.level1));
  return (
    <Form.Item name={[index, field]} rules={rules} className="cell-item">
      <GroupInput
        field={field}
        run={groupRun(rows.map(groupOf), field, index)}
        options={options}
        aria-label={label(name, index)}
      />
    </Form.Item>
  );
}

interface GroupInputProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  field: 'level1' | 'level2';
  run: number[];
  options: { value: string }[];
  'aria-label': string;
}

function GroupInput({ id, value, onChange, field, run, options, 'aria-label': ariaLabel }: GroupInputProps) {
  const form = Form.useFormInstance<ProjectFormValues>();
  const held = useRef<number[] | null>(null);
  const write = (next: string) => {
    onChange?.(next);
    for (const row of (held.current ?? run).slice(1)) form.setFieldValue(['indicators', row, field], next);
  };
  return (
    <AutoComplete
      id={id}
      value={value}
      options={options}
      onChange={write}
      onFocus={() => (held.current = run)}
      onBlur={() => (held.current = null)}
    >
      <Input.TextArea aria-label={ariaLabel} autoSize={{ minRows: 1, maxRows: 3 }} />
    </AutoComplete>
  );
}

function AddUnder({ group, onAdd }: { group: string; onAdd: () => void }) {
  const { t } = useI18n();
  const label = t('grid.addUnder', { group: group || t('table.level2') });
  return (
    <Button
      size="small"
      type="dashed"
      icon={<PlusOutlined />}
      className="add-under"
      aria-label={label}
      title={label}
      onClick={onAdd}
      data-testid="add-under"
    >
      {t('grid.addShort')}
    </Button>
  );
}

/** 三级 and 描述: text that wraps in its cell as on paper (a long 三级 name stays readable). */
function TextCell(props: {
  index: number;
  field: 'name' | 'description';
  label: MessageKey;
  required?: boolean;
  area?: boolean;
}) {
  const { t } = useI18n();
  const label = useCellLabel()(props.label, props.index);
  const rules: Rule[] = props.required
    ? [{ required: true, whitespace: true, message: t('editor.required', { field: t(props.label) }) }]
    : [];
  return (
    <Form.Item name={[props.index, props.field]} rules={rules} className="cell-item">
      <Input.TextArea aria-label={label} autoSize={{ minRows: 1, maxRows: props.area ? 4 : 3 }} />
    </Form.Item>
  );
}

/** 指标值, with last year's target and actual under it when there was such an indicator (decision 038). */
function TargetCell({ index, unitCode, year }: { index: number; unitCode: string; year: number }) {
  const { t } = useI18n();
  const label = useCellLabel()('table.target', index);
  const projectCode = Form.useWatch<string | undefined>('code') ?? '';
  const indicatorName = Form.useWatch<string | undefined>(['indicators', index, 'name']) ?? '';
  return (
    <Form.Item
      name={[index, 'target']}
      rules={[{ required: true, whitespace: true, message: t('editor.required', { field: t('table.target') }) }]}
      className="cell-item"
      extra={<PreviousActual unitCode={unitCode} year={year} projectCode={projectCode} indicatorName={indicatorName} />}
    >
      <Input aria-label={label} placeholder={t('editor.targetPlaceholder')} />
    </Form.Item>
  );
}

function BasisCell({ index }: { index: number }) {
  const label = useCellLabel()('table.basis', index);
  return (
    <Form.Item name={[index, 'basis']} className="cell-item">
      <AutoComplete options={BASIS} aria-label={label} />
    </Form.Item>
  );
}
