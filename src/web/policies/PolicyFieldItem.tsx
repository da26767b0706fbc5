import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormRule, Input, InputNumber, Select, Switch } from 'antd';
import type { PolicyKind } from '../../contract/policies.ts';
import { REVIEW_RULES } from '../../domain/review/index.ts';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { fieldText, formatPolicyValue, valueAt } from './policy-diff.ts';
import type { PolicyColumn, PolicyField, ValueKind } from './policy-fields.ts';

const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const RULE_OPTIONS = REVIEW_RULES.map((rule) => ({ value: rule.id, label: rule.title }));

/** The inline checks of one value, worded with its label (the schema's ranges, from the field table). */
function rulesFor(t: Translate, value: ValueKind, label: string): FormRule[] {
  switch (value.type) {
    case 'number': {
      const range =
        value.max === undefined
          ? t('policies.atLeast', { label, min: value.min })
          : t('policies.range', { label, min: value.min, max: value.max });
      return [
        { required: true, message: t('policies.required', { label }) },
        { type: 'number', min: value.min, max: value.max, message: range },
        ...(value.integer ? [{ type: 'integer' as const, message: t('policies.integer', { label }) }] : []),
      ];
    }
    case 'amount':
      return [{ required: true, pattern: AMOUNT, message: t('policies.badAmount') }];
    case 'monthDay':
      return [{ required: true, pattern: MONTH_DAY, message: t('policies.badMonthDay') }];
    case 'select':
      return [{ required: true, message: t('policies.required', { label }) }];
    case 'text':
      return [
        { required: !value.long, whitespace: !value.long, message: t('policies.required', { label }) },
        { max: value.max, message: t('policies.tooLong', { label, max: value.max }) },
      ];
    default:
      return [];
  }
}

/** An input for one value; `rest` is what Form.Item injects (value, onChange, id), so the spec is not called `value`. */
function ValueInput({ spec: kind, label, ...rest }: { spec: ValueKind; label: string }) {
  const { t } = useI18n();
  switch (kind.type) {
    case 'number':
      // No min/max on the input itself: it would clamp a typed 500 to 120 silently; the rule says why instead.
      return (
        <InputNumber<number>
          {...rest}
          aria-label={label}
          step={kind.step ?? 1}
          precision={kind.integer ? 0 : undefined}
          suffix={kind.unit ? t(`policies.u.${kind.unit}`) : undefined}
          className="policies-number"
        />
      );
    case 'switch':
      return <Switch {...rest} aria-label={label} />;
    case 'select':
      return (
        <Select
          {...rest}
          aria-label={label}
          className="policies-select"
          options={kind.options.map((value) => ({ value, label: t(`policies.o.${value}` as MessageKey) }))}
        />
      );
    case 'words':
      // The words the rules look for in Chinese documents: data, shown as entered in any locale (decision 042).
      return (
        <Select
          {...rest}
          aria-label={label}
          mode="tags"
          tokenSeparators={[',', '，', '、']}
          open={false}
          data-user-data=""
        />
      );
    case 'rules':
      return <Select {...rest} aria-label={label} mode="multiple" allowClear options={RULE_OPTIONS} />;
    case 'amount':
    case 'monthDay':
      return <Input {...rest} aria-label={label} className="policies-text" />;
    case 'text':
      // The bureau's own words (item names, guidance): data, shown as entered in any locale (decision 042).
      return kind.long ? (
        <Input.TextArea {...rest} aria-label={label} autoSize={{ minRows: 1, maxRows: 4 }} data-user-data="" />
      ) : (
        <Input {...rest} aria-label={label} className="policies-name" data-user-data="" />
      );
  }
}

/** Whether a knob's default holds the bureau's words (data shown as written in any locale, decision 042). */
function holdsWords(field: PolicyField): boolean {
  const value = field.value;
  return value.type === 'words' || (value.type === 'rows' && value.columns.some((c) => c.value.type === 'text'));
}

/** One knob as a form item: its label, its explanation and default below, its checks inline. */
export function PolicyFieldItem(props: { kind: PolicyKind; field: PolicyField; defaults: Record<string, unknown> }) {
  const { kind, field, defaults } = props;
  const { t } = useI18n();
  const label = fieldText(t, kind, field.path, 'f');
  const name = field.path.split('.');
  const extra = (
    <>
      {fieldText(t, kind, field.path, 'h')}{' '}
      <span className="policies-default" data-user-data={holdsWords(field) ? '' : undefined}>
        {t('policies.default', { value: formatPolicyValue(t, kind, field, valueAt(defaults, field.path)) })}
      </span>
    </>
  );
  if (field.value.type === 'rows') {
    return (
      <Form.Item label={label} extra={extra} required>
        <RowsInput
          kind={kind}
          field={field}
          columns={field.value.columns}
          min={field.value.min}
          max={field.value.max}
        />
      </Form.Item>
    );
  }
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={rulesFor(t, field.value, label)}
      valuePropName={field.value.type === 'switch' ? 'checked' : 'value'}
    >
      <ValueInput spec={field.value} label={label} />
    </Form.Item>
  );
}

/** A list of rows (监控节点, 预警档次): one line of inputs per row, add and remove. */
function RowsInput(props: {
  kind: PolicyKind;
  field: PolicyField;
  columns: readonly PolicyColumn[];
  min: number;
  max: number | undefined;
}) {
  const { kind, field, columns, min, max } = props;
  const { t } = useI18n();
  const columnLabel = (c: PolicyColumn) => t(`policies.f.${kind}.${field.path}.${c.key}` as MessageKey);
  return (
    <Form.List name={field.path.split('.')}>
      {(rows, { add, remove }, { errors }) => (
        <div className="policies-rows" data-testid={`policy-rows-${field.path}`}>
          {rows.map((row) => (
            <div key={row.key} className="policies-row">
              {columns.map((c) => (
                <Form.Item
                  key={c.key}
                  name={[row.name, c.key]}
                  label={columnLabel(c)}
                  rules={rulesFor(t, c.value, columnLabel(c))}
                  className={
                    c.value.type === 'text' && c.value.long ? 'policies-cell policies-cell-wide' : 'policies-cell'
                  }
                >
                  <ValueInput spec={c.value} label={columnLabel(c)} />
                </Form.Item>
              ))}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('policies.removeRow')}
                disabled={rows.length <= min}
                onClick={() => remove(row.name)}
              />
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={max !== undefined && rows.length >= max}
            onClick={() => add(structuredClone(emptyRow(columns)))}
          >
            {t('policies.addRow')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

function emptyRow(columns: readonly PolicyColumn[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.key, c.value.type === 'select' ? c.value.options[0] : undefined]));
}
