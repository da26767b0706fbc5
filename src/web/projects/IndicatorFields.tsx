import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, Divider, Form, Input, Row, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { BASIS_OPTIONS, level1Options, level2Options } from './indicator-names.ts';
import { emptyIndicator, type ProjectFormValues } from './project-form.ts';
import { SortableList } from './SortableList.tsx';
import { PreviousActual } from '../years/PreviousActual.tsx';
import { groupHeads } from './table-layout.ts';

const asOptions = (values: readonly string[]) => values.map((value) => ({ value }));
const LEVEL1_OPTIONS = asOptions(level1Options());
const BASIS = asOptions(BASIS_OPTIONS);

/**
 * The indicator rows, in the order of the official table (the order saved is the array order: position).
 * A row starting another 一级/二级 group is headed by that group, as the table merges them; rows reorder by
 * drag or 上移/下移. 一级/二级 suggest the standard names but take any text.
 */
export function IndicatorFields({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  const values = Form.useWatch<ProjectFormValues['indicators'] | undefined>('indicators');
  const heads = groupHeads(values ?? []);
  return (
    <>
      <Divider titlePlacement="start">{t('editor.sectionIndicators')}</Divider>
      <Form.List name="indicators">
        {(fields, { add, remove, move }) => (
          <>
            <SortableList
              ids={fields.map((field) => String(field.key))}
              onMove={move}
              handleLabel={(i) => t('order.dragIndicator', { n: i + 1 })}
              renderRow={(_, i, controls) => {
                const field = fields[i]!;
                return (
                  <>
                    {heads[i] && (
                      <div className="indicator-group" data-testid="indicator-group">
                        {heads[i]}
                      </div>
                    )}
                    <Card
                      size="small"
                      className="indicator-card"
                      title={
                        <span className="indicator-title">
                          {controls.handle}
                          {t('editor.indicator', { n: i + 1 })}
                        </span>
                      }
                      extra={
                        <Space size={4}>
                          {controls.moveButtons}
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                          >
                            {t('editor.remove')}
                          </Button>
                        </Space>
                      }
                      data-testid="indicator-editor"
                    >
                      <IndicatorRow name={field.name} unitCode={unitCode} year={year} />
                    </Card>
                  </>
                );
              }}
            />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyIndicator())}>
              {t('editor.addIndicator')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

function IndicatorRow({ name, unitCode, year }: { name: number; unitCode: string; year: number }) {
  const { t } = useI18n();
  const projectCode = Form.useWatch<string | undefined>('code') ?? '';
  const indicatorName = Form.useWatch<string | undefined>(['indicators', name, 'name']) ?? '';
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
        <Form.Item
          name={[name, 'target']}
          label={t('table.target')}
          rules={[required('table.target')]}
          extra={
            <PreviousActual unitCode={unitCode} year={year} projectCode={projectCode} indicatorName={indicatorName} />
          }
        >
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
