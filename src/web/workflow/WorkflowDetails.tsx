import { App, Button, Empty, Form, Input, List, Select, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { Project } from '../../contract/targets.ts';
import type { WorkflowView } from '../../contract/workflow.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { addComment } from './api.ts';
import { parseTarget, targetOptions } from './comment-target.ts';
import { actionText, stateText } from './chain-words.ts';
import { formatTime } from './format-time.ts';
import { VersionDiff } from './VersionDiff.tsx';

interface Props {
  unitCode: string;
  year: number;
  view: WorkflowView;
  projects: Project[];
  onCommented: () => void;
}

/** History timeline, review comments (reviewers may add one) and the comparison of two versions. */
export function WorkflowDetails({ unitCode, year, view, projects, onCommented }: Props) {
  const { t } = useI18n();
  const items = [
    { key: 'history', label: t('workflow.tab.history'), children: <History view={view} /> },
    {
      key: 'comments',
      label: `${t('workflow.tab.comments')} (${view.comments.length})`,
      children: <Comments unitCode={unitCode} year={year} view={view} projects={projects} onCommented={onCommented} />,
    },
    {
      key: 'versions',
      label: t('workflow.tab.versions'),
      children: <VersionDiff unitCode={unitCode} year={year} versions={view.versions} />,
    },
  ];
  return <Tabs className="workflow-details" size="small" items={items} />;
}

function History({ view }: { view: WorkflowView }) {
  const { t } = useI18n();
  if (view.history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.noHistory')} />;
  const items = [...view.history].reverse().map((entry) => ({
    key: entry.id,
    color: entry.action === 'return' ? 'red' : entry.action === 'approve' ? 'green' : 'blue',
    content: (
      <div data-testid="workflow-history-entry">
        <Typography.Text strong>{actionText(t, entry.action, view.chain)}</Typography.Text>{' '}
        <Typography.Text type="secondary">
          {entry.actorName} · {formatTime(entry.at)}
        </Typography.Text>
        <div>
          {stateText(t, entry.from, view.chain)} → {stateText(t, entry.to, view.chain)}
        </div>
        {entry.comment && <div className="workflow-comment-text">{entry.comment}</div>}
      </div>
    ),
  }));
  return <Timeline items={items} />;
}

function Comments({ unitCode, year, view, projects, onCommented }: Props) {
  const { t } = useI18n();
  const where = (projectCode: string | null, indicatorIndex: number | null) => {
    if (projectCode === null) return t('workflow.target.document');
    const name = projects.find((p) => p.code === projectCode)?.name ?? projectCode;
    return indicatorIndex === null ? name : `${name} · ${t('workflow.indicatorN', { n: indicatorIndex + 1 })}`;
  };
  return (
    <div data-testid="workflow-comments">
      {view.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.noComments')} />
      ) : (
        <List
          size="small"
          dataSource={[...view.comments].reverse()}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space orientation="vertical" size={0}>
                <Space wrap>
                  <Tag>{where(c.projectCode, c.indicatorIndex)}</Tag>
                  <Typography.Text type="secondary">
                    {c.actorName} · {formatTime(c.at)}
                  </Typography.Text>
                </Space>
                <span className="workflow-comment-text">{c.body}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
      {view.canComment && <CommentForm unitCode={unitCode} year={year} projects={projects} onCommented={onCommented} />}
    </div>
  );
}

function CommentForm({
  unitCode,
  year,
  projects,
  onCommented,
}: {
  unitCode: string;
  year: number;
  projects: Project[];
  onCommented: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string; target: string }>();
  const [busy, setBusy] = useState(false);
  // A comment typed but not yet added: leaving the page asks first.
  const typed = Form.useWatch('body', form);
  useUnsavedChanges(typeof typed === 'string' && typed.trim() !== '');
  const send = async ({ body, target }: { body: string; target: string }) => {
    setBusy(true);
    try {
      await addComment(unitCode, year, { body: body.trim(), ...parseTarget(target) });
      form.resetFields();
      message.success(t('workflow.commentAdded'));
      onCommented();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      className="workflow-comment-form"
      onFinish={send}
      initialValues={{ target: 'doc' }}
    >
      <Form.Item name="target">
        <Select style={{ width: 260 }} options={targetOptions(projects, t)} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item
        name="body"
        rules={[{ required: true, whitespace: true, message: t('workflow.commentRequired') }]}
        style={{ flex: 1 }}
      >
        <Input placeholder={t('workflow.commentPlaceholder')} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('workflow.addComment')}
      </Button>
    </Form>
  );
}
