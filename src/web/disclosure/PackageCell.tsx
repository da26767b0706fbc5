import { App, Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PackageStatus } from '../../contract/disclosure.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { previewUrl, publishPackage, withdrawPackage } from './api.ts';

const STATE_COLORS: Record<PackageStatus['state'], string | undefined> = {
  'not-published': undefined,
  withdrawn: 'orange',
  scheduled: 'blue',
  public: 'green',
};

/**
 * One package of one unit-year: its state, the latest version, and what the user may do — publish (when the
 * data allow it: else the reason), withdraw with a reason, download a preview, open the public page.
 */
export function PackageCell(props: {
  unitCode: string;
  year: number;
  status: PackageStatus;
  mayPublish: boolean;
  onChange: () => void;
}) {
  const { unitCode, year, status, mayPublish } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const testId = `${unitCode}-${status.kind}`;
  const publish = async () => {
    setBusy(true);
    try {
      const version = await publishPackage(unitCode, year, status.kind);
      void message.success(t('disclosure.published', { version }));
      props.onChange();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  const live = status.state === 'public' || status.state === 'scheduled';
  return (
    <Space direction="vertical" size={4} data-testid={`package-${testId}`}>
      <Space size={4} wrap>
        <Tag color={STATE_COLORS[status.state]}>{t(`disclosure.state.${status.state}`)}</Tag>
        {status.latest && (
          <Typography.Text type="secondary">
            {t('disclosure.version', { version: status.latest.version, date: status.latest.publishedAt.slice(0, 10) })}
          </Typography.Text>
        )}
      </Space>
      {status.refusal !== null && (
        <Typography.Text type="secondary">{t(`disclosure.notReady.${status.kind}`)}</Typography.Text>
      )}
      <Space size={4} wrap>
        {mayPublish && status.refusal === null && (
          <Button size="small" type="primary" loading={busy} onClick={publish} data-testid={`publish-${testId}`}>
            {status.latest ? t('disclosure.republish') : t('disclosure.publish')}
          </Button>
        )}
        {mayPublish && live && <WithdrawButton {...props} />}
        <Button size="small" href={previewUrl(unitCode, year, status.kind)} data-testid={`preview-${testId}`}>
          {t('disclosure.preview')}
        </Button>
        {status.publicPath !== null && (
          <Button size="small" type="link" href={status.publicPath} target="_blank" rel="noopener">
            {t('disclosure.view')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

function WithdrawButton({ unitCode, year, status, onChange }: Parameters<typeof PackageCell>[0]) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const ask = () => {
    let reason = '';
    modal.confirm({
      title: t('disclosure.withdraw.title'),
      content: (
        <Input.TextArea
          aria-label={t('disclosure.withdraw.reason')}
          placeholder={t('disclosure.withdraw.reason')}
          maxLength={500}
          onChange={(event) => (reason = event.target.value)}
        />
      ),
      okText: t('disclosure.confirm'),
      cancelText: t('disclosure.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await withdrawPackage(unitCode, year, status.kind, reason);
          void message.success(t('disclosure.withdrawn'));
          onChange();
        } catch (error) {
          void message.error(errorMessage(error, t));
        }
      },
    });
  };
  return (
    <Button size="small" danger onClick={ask} data-testid={`withdraw-${unitCode}-${status.kind}`}>
      {t('disclosure.withdraw')}
    </Button>
  );
}
