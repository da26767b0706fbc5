import { App, Button, Empty, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { WarningView } from '../../contract/monitoring.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { followUp } from './api.ts';
import { LEVEL_COLORS } from './chart-options.ts';

interface Props {
  unitCode: string;
  year: number;
  asOfMonth: number;
  warnings: WarningView[];
  canEdit: boolean;
  onChange: () => void;
}

/** Computed warnings with their follow-up: record a corrective action, close, reopen. */
export function WarningList({ unitCode, year, asOfMonth, warnings, canEdit, onChange }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [recording, setRecording] = useState<WarningView | null>(null);
  const [action, setAction] = useState('');

  const step = async (warning: WarningView, body: { step: 'record-action' | 'close' | 'reopen'; action?: string }) => {
    try {
      await followUp(unitCode, year, warning.id, { ...body, asOfMonth });
      message.success(t('monitoring.saved'));
      setRecording(null);
      onChange();
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
  };

  if (warnings.length === 0) return <Empty description={t('monitoring.noWarnings')} data-testid="warnings-empty" />;
  return (
    <>
      <Table<WarningView>
        data-testid="warning-list"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={warnings}
        columns={[
          {
            title: t('monitoring.level'),
            dataIndex: 'level',
            width: 100,
            render: (level: WarningView['level']) => <Tag color={LEVEL_COLORS[level]}>{level}</Tag>,
          },
          { title: t('monitoring.project'), dataIndex: 'projectName', width: 220 },
          { title: t('monitoring.reason'), key: 'reason', render: (_, w) => (locale === 'en' ? w.reasonEn : w.reason) },
          {
            title: t('monitoring.followUp'),
            key: 'followUp',
            width: 320,
            render: (_, w) => (
              <div data-testid={`follow-up-${w.id}`}>
                <Tag>{t(`monitoring.state.${w.followUp.state}`)}</Tag>
                {w.followUp.action && (
                  <div className="monitoring-note">
                    {w.followUp.action}（
                    {t('monitoring.actionBy', {
                      who: w.followUp.actionBy ?? '',
                      when: (w.followUp.actionAt ?? '').slice(0, 10),
                    })}
                    ）
                  </div>
                )}
                {canEdit && (
                  <Space size="small" wrap>
                    {w.followUp.state !== 'closed' && (
                      <Button
                        size="small"
                        onClick={() => {
                          setAction(w.followUp.action ?? '');
                          setRecording(w);
                        }}
                      >
                        {t('monitoring.recordAction')}
                      </Button>
                    )}
                    {w.followUp.state === 'action-recorded' && (
                      <Button size="small" onClick={() => step(w, { step: 'close' })}>
                        {t('monitoring.close')}
                      </Button>
                    )}
                    {w.followUp.state === 'closed' && (
                      <Button size="small" onClick={() => step(w, { step: 'reopen' })}>
                        {t('monitoring.reopen')}
                      </Button>
                    )}
                  </Space>
                )}
              </div>
            ),
          },
        ]}
      />
      <Modal
        open={recording !== null}
        title={t('monitoring.recordAction')}
        okText={t('monitoring.save')}
        cancelText={t('monitoring.cancel')}
        okButtonProps={{ disabled: action.trim() === '' }}
        onOk={() => recording && step(recording, { step: 'record-action', action })}
        onCancel={() => setRecording(null)}
        destroyOnHidden
      >
        <p>{recording?.reason}</p>
        <Input.TextArea
          aria-label={t('monitoring.actionText')}
          placeholder={t('monitoring.actionText')}
          rows={4}
          value={action}
          onChange={(e) => setAction(e.target.value)}
        />
      </Modal>
    </>
  );
}
