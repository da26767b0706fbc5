import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber } from 'antd';
import type { Rule } from 'antd/es/form';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { ProjectSheet, type SheetCells } from './ProjectSheet.tsx';
import {
  budgetIdentityProblem,
  validateAmount,
  type CheckpointFormValues,
  type ProjectFormValues,
} from './project-form.ts';

/**
 * The upper part of the editor: the view's sheet (ProjectSheet) with an input in each cell, labelled by the
 * form's own words, its message under it in the cell. Lists (checkpoints, goals) are edited by absolute field
 * names: a Form.List would prefix every field inside the sheet.
 */
export function ProjectSheetFields({ creating }: { creating: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ProjectFormValues>();
  const plan = Form.useWatch<CheckpointFormValues[] | undefined>('spendingPlan', { form, preserve: true }) ?? [];
  const goals = Form.useWatch<string[] | undefined>('goals', { form, preserve: true }) ?? [];
  const required = (field: MessageKey): Rule => ({
    required: true,
    whitespace: true,
    message: t('editor.required', { field: t(field) }),
  });
  const text = (name: (string | number)[], label: string, rules: Rule[] = []) => (
    <Form.Item name={name} rules={rules} className="cell-item">
      <Input aria-label={label} />
    </Form.Item>
  );
  const cells: SheetCells = {
    code: (
      <Form.Item name="code" rules={[required('editor.code')]} className="cell-item">
        <Input aria-label={t('editor.code')} disabled={!creating} />
      </Form.Item>
    ),
    name: text(['name'], t('editor.name'), [required('editor.name')]),
    department: text(['details', 'department'], t('sheet.department')),
    implementer: text(['details', 'implementer'], t('sheet.implementer')),
    period: text(['details', 'period'], t('sheet.period')),
    ...budgetCells(t),
    purpose: (
      <Form.Item name="purpose" rules={[required('editor.purpose')]} className="cell-item">
        <Input.TextArea aria-label={t('editor.purpose')} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    ),
    plan: plan.map((_, i) => checkpointCells(i, t, () => form.setFieldValue('spendingPlan', without(plan, i)))),
    planExtra: {
      month: (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => form.setFieldValue('spendingPlan', [...plan, { month: null, cumulativePercent: null }])}
          data-testid="add-checkpoint"
        >
          {t('editor.addCheckpoint')}
        </Button>
      ),
      percent: null,
    },
    goals: (
      <GoalCells
        count={goals.length}
        onAdd={() => form.setFieldValue('goals', [...goals, ''])}
        onRemove={(i) => form.setFieldValue('goals', without(goals, i))}
      />
    ),
  };
  return <ProjectSheet cells={cells} />;
}

function without<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** 预算数 | 财政资金 | 其他资金 as exact amounts in 元; 预算数 = 财政资金 + 其他资金 is checked as they are typed. */
function budgetCells(t: Translate): Pick<SheetCells, 'total' | 'fiscal' | 'other'> {
  const amountRule: Rule = {
    validator: (_, value: string | undefined) => {
      const problem = validateAmount(value);
      return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
    },
  };
  const identity: Rule = ({ getFieldValue }) => ({
    warningOnly: true,
    validator: () => {
      const problem = budgetIdentityProblem(getFieldValue('budget') as ProjectFormValues['budget']);
      return problem ? Promise.reject(new Error(t('editor.budgetIdentity', problem))) : Promise.resolve();
    },
  });
  const amount = (field: 'total' | 'fiscal' | 'other', label: MessageKey, extra: Rule[] = []) => (
    <Form.Item
      name={['budget', field]}
      rules={[amountRule, ...extra]}
      className="cell-item"
      dependencies={
        field === 'total'
          ? [
              ['budget', 'fiscal'],
              ['budget', 'other'],
            ]
          : []
      }
    >
      <Input aria-label={t(label)} inputMode="decimal" placeholder={t('editor.amountPlaceholder')} suffix="元" />
    </Form.Item>
  );
  return {
    total: amount('total', 'editor.budgetTotal', [
      { required: true, message: t('editor.required', { field: t('editor.budgetTotal') }) },
      identity,
    ]),
    fiscal: amount('fiscal', 'editor.budgetFiscal'),
    other: amount('other', 'editor.budgetOther'),
  };
}

/** One checkpoint's column: its month (with a remove button) above, its cumulative percent below. */
function checkpointCells(i: number, t: Translate, onRemove: () => void): SheetCells['plan'][number] {
  const n = { n: i + 1 };
  return {
    month: (
      <div className="checkpoint-head">
        <Form.Item
          name={['spendingPlan', i, 'month']}
          className="cell-item"
          rules={[
            { required: true, message: t('editor.required', { field: t('editor.month') }) },
            { type: 'number', min: 1, max: 12, message: t('editor.monthRange') },
          ]}
        >
          <InputNumber
            aria-label={t('grid.checkpointMonth', n)}
            min={1}
            max={12}
            precision={0}
            suffix={t('grid.monthEndSuffix')}
          />
        </Form.Item>
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('grid.removeCheckpoint', n)}
          title={t('grid.removeCheckpoint', n)}
          onClick={onRemove}
        />
      </div>
    ),
    percent: (
      <Form.Item
        name={['spendingPlan', i, 'cumulativePercent']}
        className="cell-item"
        rules={[{ type: 'number', min: 0, max: 100, message: t('editor.percentRange') }]}
      >
        <InputNumber aria-label={t('grid.checkpointPercent', n)} min={0} max={100} suffix="%" />
      </Form.Item>
    ),
  };
}

/** The goals' cell: one numbered text per goal ("1、…"), each removable, and 添加目标. */
function GoalCells({ count, onAdd, onRemove }: { count: number; onAdd: () => void; onRemove: (i: number) => void }) {
  const { t } = useI18n();
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="goal-line">
          <span className="goal-number">{`${i + 1}、`}</span>
          <Form.Item name={['goals', i]} className="cell-item goal-item">
            <Input.TextArea aria-label={t('editor.goal', { n: i + 1 })} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('grid.removeGoal', { n: i + 1 })}
            title={t('grid.removeGoal', { n: i + 1 })}
            onClick={() => onRemove(i)}
          />
        </div>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={onAdd} data-testid="add-goal">
        {t('editor.addGoal')}
      </Button>
    </>
  );
}
