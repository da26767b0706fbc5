import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Notice } from '../../contract/results.ts';
import { NOTICE_STATES } from '../../domain/results/notice.ts';
import { useDownload } from '../files/download.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { decideNotice, noticeFileUrl, replyNotice, uploadNoticeEvidence } from './api.ts';

export const STATES = NOTICE_STATES;
const STATE_COLORS: Record<string, string> = { 待整改: 'red', 整改中: 'orange', 已整改: 'green', 已销号: 'default' };

interface Props {
  notice: Notice;
  /** results:reply — the unit answers and uploads. */
  canReply: boolean;
  /** results:act — the issuer reopens or closes. */
  canDecide: boolean;
  onChange: (notice: Notice) => void;
}

const at = (iso: string | null) => (iso ?? '').slice(0, 16).replace('T', ' ');

/** One 整改通知: what the issuer asked, the unit's reply and evidence, and the step each side may take now. */
export function NoticeCard({ notice, canReply, canDecide, onChange }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const download = useDownload();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const open = notice.state === '待整改' || notice.state === '整改中';
  const key = [notice.unitCode, notice.fiscalYear, notice.id] as const;
  const run = async (step: () => Promise<Notice>) => {
    setBusy(true);
    try {
      onChange(await step());
      setText('');
      message.success(t('results.saved'));
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const closeNotice = () =>
    modal.confirm({
      content: t('results.closeConfirm'),
      onOk: () => run(() => decideNotice(...key, { decision: 'close' })),
    });
  return (
    <Card
      size="small"
      className="notice-card"
      data-testid="notice-card"
      title={
        <Space wrap>
          <Tag color={STATE_COLORS[notice.state]}>{t(`results.state.${notice.state}` as MessageKey)}</Tag>
          {notice.overdue && <Tag color="red">{t('results.overdueTag')}</Tag>}
          <span>{notice.projectCode ?? t('results.wholeUnit')}</span>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('results.noticeOf', { by: notice.createdBy, at: at(notice.createdAt), deadline: notice.deadline })}
      </Typography.Paragraph>
      <Typography.Paragraph className="notice-text">
        <strong>{t('results.label', { label: t('results.body') })}</strong>
        {notice.body}
      </Typography.Paragraph>
      <Typography.Paragraph className="notice-text">
        <strong>{t('results.label', { label: t('results.requirement') })}</strong>
        {notice.requirement}
      </Typography.Paragraph>
      {notice.reopenReason && (
        <Typography.Paragraph type="warning" className="notice-text">
          {t('results.reopenReason', { reason: notice.reopenReason })}
        </Typography.Paragraph>
      )}
      {notice.reply && (
        <Typography.Paragraph className="notice-text" data-testid="notice-reply">
          {t('results.replyBy', { by: notice.repliedBy ?? '', at: at(notice.repliedAt) })} {notice.reply}
        </Typography.Paragraph>
      )}
      {notice.files.length > 0 && (
        <Space wrap>
          <span>{t('results.label', { label: t('results.files') })}</span>
          {notice.files.map((file) => (
            <a
              key={file.id}
              href={noticeFileUrl(...key, file.id)}
              onClick={(e) => download(e, noticeFileUrl(...key, file.id))}
            >
              {file.fileName}
            </a>
          ))}
        </Space>
      )}
      {canReply && open && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            rows={3}
            value={text}
            maxLength={4000}
            placeholder={t('results.replyHint')}
            aria-label={t('results.reply')}
            onChange={(event) => setText(event.target.value)}
            data-testid="notice-reply-text"
          />
          <Space wrap>
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void run(() => uploadNoticeEvidence(...key, file));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={busy} data-testid="notice-upload">
                {t('results.upload')}
              </Button>
            </Upload>
            <Button
              disabled={busy}
              onClick={() => void run(() => replyNotice(...key, { state: '整改中', reply: text }))}
            >
              {t('results.markInProgress')}
            </Button>
            <Button
              type="primary"
              disabled={busy}
              data-testid="notice-done"
              onClick={() => void run(() => replyNotice(...key, { state: '已整改', reply: text }))}
            >
              {t('results.markDone')}
            </Button>
          </Space>
        </Space>
      )}
      {canDecide && notice.state === '已整改' && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            rows={2}
            value={text}
            maxLength={2000}
            placeholder={t('results.reopenHint')}
            aria-label={t('results.reopenHint')}
            onChange={(event) => setText(event.target.value)}
          />
          <Space wrap>
            <Button
              disabled={busy}
              onClick={() => void run(() => decideNotice(...key, { decision: 'reopen', reason: text }))}
            >
              {t('results.reopen')}
            </Button>
            <Button type="primary" disabled={busy} onClick={closeNotice} data-testid="notice-close">
              {t('results.close')}
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
