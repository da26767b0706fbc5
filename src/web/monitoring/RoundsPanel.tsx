import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MonitoringActionView, UnitMonitoringView } from '../../contract/monitoring.ts';
import { useDownload } from '../files/download.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { actionKindText } from '../i18n/vocabulary.ts';
import { answerAction, recordAction, submitCheckpoint } from './api.ts';

const ACTION_KINDS = ['提示', '警示', '纠偏', '暂缓拨款', '停止拨款'] as const;
const STATE_COLORS: Record<string, string> = { submitted: 'green', open: 'blue', overdue: 'red', 'not-due': 'default' };
const RECTIFICATION_COLORS: Record<string, string> = { 待整改: 'red', 整改中: 'orange', 已整改: 'green' };

interface Props {
  data: UnitMonitoringView;
  unitCode: string;
  year: number;
  /** monitoring:edit — enter, submit, reply. */
  canEdit: boolean;
  /** monitoring:act — record and reopen actions. */
  canAct: boolean;
  onChange: () => void;
}

/** 财预〔2019〕136号 rounds: each checkpoint's state, submission (then locked) and prints, and the actions taken. */
export function RoundsPanel({ data, unitCode, year, canEdit, onChange }: Omit<Props, 'canAct'>) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const download = useDownload();
  const submit = (month: number) =>
    modal.confirm({
      content: t('monitoring.submitConfirm', { month }),
      onOk: async () => {
        try {
          await submitCheckpoint(unitCode, year, month);
          message.success(t('monitoring.saved'));
          onChange();
        } catch (failure) {
          message.error(errorMessage(failure, t));
        }
      },
    });
  const file = (month: number, document: 'statement' | 'report', format: 'docx' | 'pdf') =>
    `/api/units/${encodeURIComponent(unitCode)}/years/${year}/monitoring-${document}.${format}?month=${month}`;
  return (
    <div data-testid="monitoring-rounds">
      {data.checkpoints.map((c) => (
        <Space key={c.month} wrap className="monitoring-round" data-testid={`round-${c.month}`}>
          <strong>{t('monitoring.monthEnd', { month: c.month })}</strong>
          <Tag color={STATE_COLORS[c.state]}>{t(`monitoring.round.${c.state}`)}</Tag>
          <span>
            {c.submittedAt
              ? t('monitoring.submittedBy', { who: c.submittedBy ?? '', when: c.submittedAt.slice(0, 10) })
              : t('monitoring.due', { date: c.dueDate })}
          </span>
          {canEdit && c.state !== 'submitted' && c.state !== 'not-due' && (
            <Button size="small" type="primary" onClick={() => submit(c.month)}>
              {t('monitoring.submitRound', { month: c.month })}
            </Button>
          )}
          {(['statement', 'report'] as const).flatMap((document) =>
            (['docx', 'pdf'] as const).map((format) => (
              <Button
                key={`${document}-${format}`}
                size="small"
                icon={<DownloadOutlined />}
                href={file(c.month, document, format)}
                onClick={(event) => download(event, file(c.month, document, format))}
              >
                {`${t(document === 'statement' ? 'monitoring.printStatement' : 'monitoring.printReport')} ${format === 'docx' ? 'Word' : 'PDF'}`}
              </Button>
            )),
          )}
        </Space>
      ))}
    </div>
  );
}

type Answer = { action: MonitoringActionView; mode: '整改中' | '已整改' | 'reopen' };

/** 提示/警示, 纠偏, 暂缓/停止拨款 with their 整改: the bureau or department records, the unit replies. */
export function ActionsPanel({ data, unitCode, year, canEdit, canAct, onChange }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [text, setText] = useState('');
  const [form] = Form.useForm();
  const names = new Map(data.projects.map((p) => [p.code, p.name]));

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('monitoring.saved'));
      setCreating(false);
      setAnswer(null);
      setText('');
      onChange();
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
  };
  const create = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(() =>
      recordAction(unitCode, year, {
        projectCode: values.projectCode ?? null,
        warningId: values.warningId ?? null,
        kind: values.kind,
        body: values.body,
        deadline: (values.deadline as Dayjs).format('YYYY-MM-DD'),
        // The warnings offered are those of the month being viewed: the server checks the warning there.
        asOfMonth: data.asOfMonth,
      }),
    );
  };
  const reply = (a: Answer) =>
    run(() =>
      answerAction(
        unitCode,
        year,
        a.action.id,
        a.mode === 'reopen' ? { reopen: text } : { state: a.mode, reply: text },
      ),
    );
  const required = (field: string) => [{ required: true, message: t('monitoring.required', { field }) }];

  return (
    <div data-testid="monitoring-actions">
      {canAct && (
        <Button type="primary" onClick={() => setCreating(true)} className="monitoring-new-action">
          {t('monitoring.newAction')}
        </Button>
      )}
      {data.actions.length === 0 ? (
        <Empty description={t('monitoring.noActions')} />
      ) : (
        <Table<MonitoringActionView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.actions}
          columns={[
            {
              title: t('monitoring.actionKind'),
              dataIndex: 'kind',
              width: 90,
              render: (k: string) => <Tag>{actionKindText(k, t)}</Tag>,
            },
            {
              title: t('monitoring.scope'),
              key: 'scope',
              width: 180,
              render: (_, a) =>
                a.projectCode === null ? t('monitoring.wholeUnit') : (names.get(a.projectCode) ?? a.projectCode),
            },
            { title: t('monitoring.actionBody'), dataIndex: 'body' },
            { title: t('monitoring.deadline'), dataIndex: 'deadline', width: 110 },
            {
              title: t('monitoring.rectification'),
              key: 'state',
              width: 300,
              render: (_, a) => (
                <div data-testid={`action-${a.id}`}>
                  <Tag color={RECTIFICATION_COLORS[a.state]}>{a.state}</Tag>
                  {a.reply && <span>{a.reply}</span>}
                  <Space size="small">
                    {canEdit && a.state !== '已整改' && (
                      <>
                        <Button size="small" onClick={() => setAnswer({ action: a, mode: '整改中' })}>
                          {t('monitoring.replyInProgress')}
                        </Button>
                        <Button size="small" onClick={() => setAnswer({ action: a, mode: '已整改' })}>
                          {t('monitoring.replyDone')}
                        </Button>
                      </>
                    )}
                    {canAct && a.state === '已整改' && (
                      <Button size="small" onClick={() => setAnswer({ action: a, mode: 'reopen' })}>
                        {t('monitoring.reopenAction')}
                      </Button>
                    )}
                  </Space>
                </div>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t('monitoring.newAction')}
        okText={t('monitoring.save')}
        cancelText={t('monitoring.cancel')}
        onOk={create}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: '提示' }} data-testid="action-form">
          <Form.Item name="kind" label={t('monitoring.actionKind')} rules={required(t('monitoring.actionKind'))}>
            <Select options={ACTION_KINDS.map((k) => ({ value: k, label: actionKindText(k, t) }))} />
          </Form.Item>
          {/* A computed warning as the trigger: picking one sets its project. */}
          <Form.Item name="warningId" label={t('monitoring.warnings')}>
            <Select
              allowClear
              options={data.warnings.map((w) => ({ value: w.id, label: `${w.level} ${w.projectName}：${w.reason}` }))}
              onChange={(id?: string) => {
                const warning = data.warnings.find((w) => w.id === id);
                if (warning) form.setFieldsValue({ projectCode: warning.project });
              }}
            />
          </Form.Item>
          <Form.Item name="projectCode" label={t('monitoring.scope')}>
            <Select
              allowClear
              placeholder={t('monitoring.wholeUnit')}
              options={data.projects.map((p) => ({ value: p.code, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="body" label={t('monitoring.actionBody')} rules={required(t('monitoring.actionBody'))}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="deadline" label={t('monitoring.deadline')} rules={required(t('monitoring.deadline'))}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={answer !== null}
        title={answer?.mode === 'reopen' ? t('monitoring.reopenAction') : t('monitoring.unitReply')}
        okText={t('monitoring.save')}
        cancelText={t('monitoring.cancel')}
        onOk={() => answer && void reply(answer)}
        onCancel={() => setAnswer(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          value={text}
          placeholder={answer?.mode === 'reopen' ? t('monitoring.reopenReason') : t('monitoring.replyText')}
          onChange={(event) => setText(event.target.value)}
        />
      </Modal>
    </div>
  );
}
