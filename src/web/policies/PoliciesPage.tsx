import { Alert, App, Button, Card, Col, Input, Row, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { POLICY_KINDS, type PolicyKind, type PolicyViewResponse } from '../../contract/policies.ts';
import { useSession } from '../auth/session.ts';
import { ApiError } from '../http/client.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { useAsync } from '../shared/use-async.ts';
import { fetchPolicy, savePolicy } from './api.ts';
import { issueLines, parsePolicyText, prettyPolicy } from './policy-text.ts';
import './policies.css';

/** 规则设置 (/bureau/policies): the organisation's review, monitoring and scoring policies as JSON. */
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
      {/* Hidden tabs stay mounted: switching tabs keeps a policy's unsaved text. */}
      <Tabs items={items} />
    </Card>
  );
}

function PolicyEditor({ kind, orgCode }: { kind: PolicyKind; orgCode: string | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, error, reload } = useAsync(() => fetchPolicy(kind, orgCode), `${kind}/${orgCode ?? ''}`);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (data) setText(prettyPolicy(data.effective));
  }, [data]);
  useUnsavedChanges(data !== undefined && text !== prettyPolicy(data.effective));

  const save = async (body: Record<string, unknown>) => {
    setSaving(true);
    try {
      const saved: PolicyViewResponse = await savePolicy(kind, orgCode, body);
      setText(prettyPolicy(saved.effective));
      setProblems([]);
      void message.success(t('policies.saved'));
      reload();
    } catch (failure) {
      setProblems([errorMessage(failure, t), ...(failure instanceof ApiError ? issueLines(failure.issues) : [])]);
    } finally {
      setSaving(false);
    }
  };
  const onSave = () => {
    const parsed = parsePolicyText(text);
    if (!parsed.ok) {
      setProblems([
        parsed.reason === 'badJson' ? t('policies.badJson', { message: parsed.message }) : t('policies.notObject'),
      ]);
      return;
    }
    void save(parsed.body);
  };

  if (error !== undefined && !data) return <LoadError error={error} onRetry={reload} />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Typography.Title level={5}>{t('policies.editor')}</Typography.Title>
        {data?.stored === null && (
          <Alert type="info" showIcon title={t('policies.storedNone')} className="policies-note" />
        )}
        <Input.TextArea
          className="policies-json"
          aria-label={t('policies.editor')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 16, maxRows: 40 }}
          spellCheck={false}
        />
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="policies-note"
            title={problems[0]}
            description={problems.slice(1).map((line) => (
              <div key={line}>{line}</div>
            ))}
          />
        )}
        <Space className="policies-actions">
          <Button type="primary" loading={saving} onClick={onSave}>
            {t('policies.save')}
          </Button>
          <Button disabled={saving} onClick={() => void save({})}>
            {t('policies.reset')}
          </Button>
        </Space>
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>{t('policies.defaults')}</Typography.Title>
        <pre className="policies-json policies-defaults">{data ? prettyPolicy(data.defaults) : ''}</pre>
      </Col>
    </Row>
  );
}
