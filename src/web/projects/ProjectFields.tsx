import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, InputNumber, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { IndicatorFields } from './IndicatorFields.tsx';
import { budgetIdentityProblem, validateAmount, type ProjectFormValues } from './project-form.ts';

/** The editor's fields, section by section, in the order of the official table. */
export function ProjectFields({ creating, unitCode, year }: { creating: boolean; unitCode: string; year: number }) {
  const { t } = useI18n();
  const required = (field: MessageKey): Rule => ({
    required: true,
    whitespace: true,
    message: t('editor.required', { field: t(field) }),
  });
  return (
    <>
      <Divider titlePlacement="start">{t('editor.sectionBasic')}</Divider>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="code" label={t('editor.code')} rules={[required('editor.code')]}>
            <Input disabled={!creating} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label={t('editor.name')} rules={[required('editor.name')]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <BudgetFields />
      <Form.Item name="purpose" label={t('editor.purpose')} rules={[required('editor.purpose')]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <SpendingPlanFields />
      <GoalFields />
      <IndicatorFields unitCode={unitCode} year={year} />
    </>
  );
}

function amountRule(t: Translate): Rule {
  return {
    validator: (_, value: string | undefined) => {
      const problem = validateAmount(value);
      return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
    },
  };
}

function BudgetFields() {
  const { t } = useI18n();
  const identity: Rule = ({ getFieldValue }) => ({
    warningOnly: true,
    validator: () => {
      const problem = budgetIdentityProblem(getFieldValue('budget') as ProjectFormValues['budget']);
      return problem ? Promise.reject(new Error(t('editor.budgetIdentity', problem))) : Promise.resolve();
    },
  });
  const amount = (field: 'total' | 'fiscal' | 'other', label: MessageKey, extra: Rule[] = []) => (
    <Col span={8}>
      <Form.Item
        name={['budget', field]}
        label={t(label)}
        rules={[amountRule(t), ...extra]}
        dependencies={
          field === 'total'
            ? [
                ['budget', 'fiscal'],
                ['budget', 'other'],
              ]
            : []
        }
      >
        <Input inputMode="decimal" placeholder={t('editor.amountPlaceholder')} suffix="元" />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Divider titlePlacement="start">{t('editor.sectionBudget')}</Divider>
      <Row gutter={16}>
        {amount('total', 'editor.budgetTotal', [
          { required: true, message: t('editor.required', { field: t('editor.budgetTotal') }) },
          identity,
        ])}
        {amount('fiscal', 'editor.budgetFiscal')}
        {amount('other', 'editor.budgetOther')}
      </Row>
    </>
  );
}

function SpendingPlanFields() {
  const { t } = useI18n();
  const percentRule: Rule = { type: 'number', min: 0, max: 100, message: t('editor.percentRange') };
  const monthRules: Rule[] = [
    { required: true, message: t('editor.required', { field: t('editor.month') }) },
    { type: 'number', min: 1, max: 12, message: t('editor.monthRange') },
  ];
  return (
    <>
      <Divider titlePlacement="start">{t('editor.sectionPlan')}</Divider>
      <Form.List name="spendingPlan">
        {(fields, { add, remove }) => (
          <>
            <Row gutter={[16, 0]}>
              {fields.map((field) => (
                <Col span={6} key={field.key}>
                  <Form.Item name={[field.name, 'month']} label={t('editor.month')} rules={monthRules}>
                    <InputNumber min={1} max={12} precision={0} suffix="月底" style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'cumulativePercent']} label={t('editor.percent')} rules={[percentRule]}>
                    <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
                  </Form.Item>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('editor.remove')}
                  </Button>
                </Col>
              ))}
            </Row>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ month: null, cumulativePercent: null })}
              className="add-button"
            >
              {t('editor.addCheckpoint')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

function GoalFields() {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start">{t('editor.sectionGoals')}</Divider>
      <Form.List name="goals">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="top" wrap={false}>
                <Col flex="auto">
                  <Form.Item name={field.name} label={t('editor.goal', { n: i + 1 })}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                </Col>
                <Col flex="none" className="remove-col">
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('editor.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} className="add-button">
              {t('editor.addGoal')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
