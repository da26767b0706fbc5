import { Alert, App, Button, type ButtonProps, Collapse, Form, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PolicyKind, PolicyViewResponse } from '../../contract/policies.ts';
import { POLICY_SCHEMAS } from '../../contract/policy-bodies.ts';
import { ApiError } from '../http/client.ts';
import { errorMessage } from '../http/error-message.ts';
import { issueText, zodIssueText } from '../http/issue-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { ConflictNotice } from '../shared/ConflictNotice.tsx';
import { isStaleWrite } from '../shared/conflict.ts';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { fetchPolicy, savePolicy } from './api.ts';
import { PolicyDiff } from './PolicyDiff.tsx';
import { PolicyFieldItem } from './PolicyFieldItem.tsx';
import { type PolicyChange, bodyToSave, issueTarget, policyChanges } from './policy-diff.ts';
import { POLICY_SECTIONS } from './policy-fields.ts';
import { WeightTotal } from './WeightTotal.tsx';

type Issue = { path: (string | number)[]; message: string };

/**
 * One policy kind as a form generated from the field table: inline checks, then the whole body
 * checked with the contract's schema (totals, bands), a diff to confirm, and only then the PUT.
 */
export function PolicyEditor({ kind, orgCode }: { kind: PolicyKind; orgCode: string | null }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { data, error, reload } = useAsync(() => fetchPolicy(kind, orgCode), `${kind}/${orgCode ?? ''}`);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<unknown>(null);
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  useEffect(() => {
    if (data) form.setFieldsValue(structuredClone(data.effective));
  }, [data, form]);
  useUnsavedChanges(
    data !== undefined && values !== undefined && policyChanges(kind, data.effective, values).length > 0,
  );

  /** Server or schema issues: each on its input when it names one, else above the form. */
  const showIssues = (issues: Issue[], fallback: string) => {
    const placed = issues.filter((issue) => issueTarget(kind, issue.path) !== null);
    form.setFields(placed.map((issue) => ({ name: issue.path, errors: [issue.message] })));
    const loose = issues.filter((issue) => issueTarget(kind, issue.path) === null).map((issue) => issue.message);
    setProblems(loose.length > 0 ? loose : [fallback]);
  };

  const store = async (body: Record<string, unknown>, version: number) => {
    setSaving(true);
    try {
      const saved: PolicyViewResponse = await savePolicy(kind, orgCode, body, version);
      form.setFieldsValue(structuredClone(saved.effective));
      setProblems([]);
      void message.success(t('policies.saved'));
      reload();
    } catch (failure) {
      // Someone saved this policy after the form was read: keep the edits, say who, offer a reload.
      if (isStaleWrite(failure)) setConflict(failure);
      else if (failure instanceof ApiError && failure.issues.length > 0)
        showIssues(
          failure.issues.map((issue) => ({ path: issue.path, message: issueText(issue, t) })),
          errorMessage(failure, t),
        );
      else setProblems([errorMessage(failure, t)]);
    } finally {
      setSaving(false);
    }
  };

  const confirm = (title: string, changes: PolicyChange[], onOk: () => void) =>
    modal.confirm({
      title,
      width: 640,
      content: changes.length > 0 ? <PolicyDiff kind={kind} changes={changes} /> : null,
      okButtonProps: { 'data-testid': 'policy-confirm' } as ButtonProps,
      onOk,
    });

  const onSave = async () => {
    if (!data) return;
    try {
      await form.validateFields();
    } catch {
      setProblems([t('policies.fixFirst')]);
      return;
    }
    const next = form.getFieldsValue(true) as Record<string, unknown>;
    const body = bodyToSave(next, data.defaults);
    const checked = POLICY_SCHEMAS[kind].safeParse(body);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => ({
        path: i.path as (string | number)[],
        message: zodIssueText(i, body, t),
      }));
      showIssues(issues, t('policies.fixFirst'));
      return;
    }
    setProblems([]);
    const changes = policyChanges(kind, data.effective, next);
    if (changes.length === 0) {
      void message.info(t('policies.noChange'));
      return;
    }
    confirm(t('policies.confirmSave'), changes, () => void store(body, data.version));
  };

  const onReset = () => {
    if (!data) return;
    const changes = policyChanges(kind, data.effective, data.defaults);
    confirm(
      t(changes.length > 0 ? 'policies.confirmReset' : 'policies.confirmResetNone'),
      changes,
      () => void store({}, data.version),
    );
  };

  if (error !== undefined && !data) return <LoadError error={error} onRetry={reload} />;
  return (
    <Form form={form} layout="vertical" className="policies-form" data-testid={`policy-form-${kind}`}>
      {data?.stored === null && (
        <Alert type="info" showIcon title={t('policies.storedNone')} className="policies-note" />
      )}
      {POLICY_SECTIONS[kind].map((section) => (
        <section key={section.key} className="policies-section">
          <Typography.Title level={5}>{t(`policies.s.${kind}.${section.key}` as MessageKey)}</Typography.Title>
          {kind === 'scoring' && section.key === 'weights' && <WeightTotal values={values} />}
          {section.fields.map((field) => (
            <PolicyFieldItem key={field.path} kind={kind} field={field} defaults={data?.defaults ?? {}} />
          ))}
        </section>
      ))}
      {conflict !== null && (
        <ConflictNotice
          error={conflict}
          onReload={() => {
            setConflict(null);
            reload();
          }}
          onDismiss={() => setConflict(null)}
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="policies-note"
          data-testid="policy-problems"
          title={problems[0]}
          description={problems.slice(1).map((line) => (
            <div key={line}>{line}</div>
          ))}
        />
      )}
      <Space className="policies-actions" wrap>
        <Button type="primary" loading={saving} onClick={() => void onSave()} data-testid="policy-save">
          {t('policies.save')}
        </Button>
        <Button disabled={saving || !data} onClick={onReset} data-testid="policy-reset">
          {t('policies.reset')}
        </Button>
      </Space>
      <Collapse
        ghost
        items={[
          {
            key: 'json',
            label: t('policies.json'),
            children: <pre className="policies-json">{data ? JSON.stringify(data.effective, null, 2) : ''}</pre>,
          },
        ]}
      />
    </Form>
  );
}
