import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ORG_NODE_KINDS, type OrgNode, type OrgNodeKind } from '../../contract/organisations.ts';
import { ORG_CODE_MAX, ORG_CODE_PATTERN } from '../../domain/codes.ts';
import { ORG_TYPES, type OrgType } from '../../domain/workflow/chain.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { createOrganisation } from './api.ts';
import { parentChoices } from './org-tree.ts';

interface AddValues {
  kind: OrgNodeKind;
  code: string;
  name: string;
  parentCode?: string;
  orgType?: OrgType;
}

/** 新增: a bureau, a department (with its type, decision 049) or a unit, placed under its parent. */
export function AddDialog({ items, onClose }: { items: OrgNode[]; onClose: (created: string | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const kind = Form.useWatch('kind', form) ?? 'unit';
  const [busy, setBusy] = useState(false);
  const submit = async (values: AddValues) => {
    setBusy(true);
    try {
      const created = await createOrganisation({
        ...values,
        parentCode: values.kind === 'bureau' ? null : (values.parentCode ?? null),
        orgType: values.kind === 'unit' ? undefined : values.orgType,
      });
      void message.success(t('orgs.saved'));
      onClose(created.code);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('orgs.addTitle')}
      okText={t('orgs.add')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'unit', orgType: 'administrative' }}
        onFinish={submit}
        data-testid="org-add-form"
      >
        <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true }]}>
          <Select options={ORG_NODE_KINDS.map((k) => ({ value: k, label: t(`orgs.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('orgs.code')}
          extra={t('orgs.codeHint')}
          rules={[{ required: true }, { pattern: ORG_CODE_PATTERN, max: ORG_CODE_MAX, message: t('orgs.codeHint') }]}
        >
          <Input maxLength={ORG_CODE_MAX} data-testid="org-add-code" />
        </Form.Item>
        <Form.Item name="name" label={t('orgs.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="org-add-name" />
        </Form.Item>
        {kind !== 'bureau' && (
          <Form.Item name="parentCode" label={t('orgs.parent')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={parentChoices(items, kind).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
              data-testid="org-add-parent"
            />
          </Form.Item>
        )}
        {kind !== 'unit' && (
          <Form.Item name="orgType" label={t('orgs.type')} extra={t('orgs.typeHint')}>
            <Select
              options={ORG_TYPES.map((type) => ({ value: type, label: t(`orgs.type.${type}`) }))}
              data-testid="org-add-type"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
