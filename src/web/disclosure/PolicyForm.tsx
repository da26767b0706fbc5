import { App, Button, Card, Checkbox, Form, Input, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import type { StoredDisclosurePolicy } from '../../contract/disclosure.ts';
import { DISCLOSURE_KINDS, DOCUMENTS_OF_KIND, type DisclosurePolicy } from '../../domain/disclosure/packages.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fetchPolicy, savePolicy } from './api.ts';

type FormValues = Omit<DisclosurePolicy, 'publishAt'> & { publishAt: string };

/** 公开设置: which documents each package holds, from when published packages are public, whether units publish. */
export function PolicyForm(props: { year: number; orgCode: string | undefined; onSaved: () => void }) {
  const { year, orgCode, onSaved } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [stored, setStored] = useState<StoredDisclosurePolicy | null>(null);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchPolicy(year, orgCode).then(setStored, () => setFailed(true));
  }, [year, orgCode]);
  if (failed) return null;
  if (stored === null) return <Skeleton active />;
  const save = async (values: FormValues) => {
    setSaving(true);
    try {
      const policy = { ...values, publishAt: values.publishAt.trim() === '' ? null : values.publishAt.trim() };
      setStored(await savePolicy({ year, orgCode }, policy, stored.version));
      void message.success(t('disclosure.settings.saved'));
      onSaved();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card className="page-card" title={t('disclosure.settings')} data-testid="disclosure-settings">
      <Form<FormValues>
        layout="vertical"
        initialValues={{ ...stored.policy, publishAt: stored.policy.publishAt ?? '' }}
        onFinish={save}
      >
        {DISCLOSURE_KINDS.map((kind) => (
          <Form.Item key={kind} name={['documents', kind]} label={t(`disclosure.settings.documents.${kind}`)}>
            <Checkbox.Group
              options={DOCUMENTS_OF_KIND[kind].map((document) => ({
                value: document,
                label: t(`disclosure.doc.${document}`),
              }))}
            />
          </Form.Item>
        ))}
        <Form.Item name="publishAt" label={t('disclosure.settings.publishAt')}>
          <Input placeholder="2021-06-01T00:00:00+08:00" maxLength={40} />
        </Form.Item>
        <Form.Item name="unitsMayPublish" valuePropName="checked">
          <Checkbox>{t('disclosure.settings.unitsMayPublish')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('disclosure.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}
