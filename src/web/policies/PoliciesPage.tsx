import { App, Card, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { POLICY_KINDS } from '../../contract/policies.ts';
import { useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';
import './policies.css';

/** 规则设置 (/bureau/policies): the organisation's review, monitoring and scoring policies as forms. */
export default function PoliciesPage() {
  return (
    <App>
      <Policies />
    </App>
  );
}

function Policies() {
  const { t } = useI18n();
  const { user } = useSession();
  // The administrator belongs to no organisation and names one; everyone else edits their own.
  const [adminOrg, setAdminOrg] = useState('');
  const orgCode = user?.role === 'admin' ? adminOrg.trim() || null : null;
  const items = POLICY_KINDS.map((kind) => ({
    key: kind,
    label: t(`policies.tab.${kind}`),
    children:
      user?.role === 'admin' && !orgCode ? null : (
        <PolicyEditor key={`${kind}/${orgCode ?? ''}`} kind={kind} orgCode={orgCode} />
      ),
  }));
  return (
    <Card className="page-card" title={t('policies.title')} data-testid="policies-page">
      <Typography.Paragraph type="secondary">{t('policies.subtitle')}</Typography.Paragraph>
      {user?.role === 'admin' && (
        <Input.Search
          className="policies-org"
          aria-label={t('policies.org')}
          placeholder={t('policies.orgHint')}
          enterButton
          onSearch={setAdminOrg}
          allowClear
        />
      )}
      {/* Hidden tabs stay mounted: switching tabs keeps a policy's unsaved edits. */}
      <Tabs items={items} />
    </Card>
  );
}
