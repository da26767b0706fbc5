import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Divider, Form, Input, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { BASIS_OPTIONS, level1Options, level2Options } from './indicator-names.ts';
import { emptyIndicator } from './project-form.ts';

const asOptions = (values: readonly string[]) => values.map((value) => ({ value }));
const LEVEL1_OPTIONS = asOptions(level1Options());
const BASIS = asOptions(BASIS_OPTIONS);

/** The indicator rows: 一级/二级 suggest the standard names but take any text. */
export function IndicatorFields() {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start">{t('editor.sectionIndicators')}</Divider>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                className="indicator-card"
                title={t('editor.indicator', { n: i + 1 })}
                extra={
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('editor.remove')}
                  </Button>
                }
                data-testid="indicator-editor"
              >
                <IndicatorRow name={field.name} />
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyIndicator())}>
              {t('editor.addIndicator')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

function IndicatorRow({ name }: { name: number }) {
  const { t } = useI18n();
  const level1 = Form.useWatch<string | undefined>(['indicators', name, 'level1']);
  const required = (field: MessageKey): Rule => ({
    required: true,
    whitespace: true,
    message: t('editor.required', { field: t(field) }),
  });
  return (
    <Row gutter={12}>
      <Col span={6}>
        <Form.Item name={[name, 'level1']} label={t('table.level1')} rules={[required('table.level1')]}>
          <AutoComplete options={LEVEL1_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={7}>
        <Form.Item name={[name, 'level2']} label={t('table.level2')} rules={[required('table.level2')]}>
          <AutoComplete options={asOptions(level2Options(level1))} />
        </Form.Item>
      </Col>
      <Col span={11}>
        <Form.Item name={[name, 'name']} label={t('table.level3')} rules={[required('table.level3')]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[name, 'description']} label={t('table.description')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[name, 'target']} label={t('table.target')} rules={[required('table.target')]}>
          <Input placeholder={t('editor.targetPlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[name, 'basis']} label={t('table.basis')}>
          <AutoComplete options={BASIS} />
        </Form.Item>
      </Col>
    </Row>
  );
}
