import { Alert, App, Button, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import type { PaymentsPreviewView } from '../../contract/monitoring.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { isStaleWrite } from '../shared/conflict.ts';
import { ConflictNotice } from '../shared/ConflictNotice.tsx';
import { applyPayments, type PaymentsUpload, previewPayments } from './api.ts';

interface Props {
  open: boolean;
  unitCode: string;
  year: number;
  onClose: () => void;
  onImported: () => void;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Payments file → column mapping → preview (rows, errors by row and column) → import, all or nothing. */
export function PaymentUpload({ open, unitCode, year, onClose, onImported }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentsUpload['columns']>();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PaymentsPreviewView | null>(null);
  const [busy, setBusy] = useState(false);
  /** A stale apply's 409: a booked project's spending changed after the preview (decision 023). */
  const [conflict, setConflict] = useState<unknown>(null);

  const upload = async (): Promise<PaymentsUpload | null> => {
    if (!file) return null;
    const columns = await form.validateFields().catch(() => null);
    if (!columns) return null;
    return {
      fileName: file.name,
      contentBase64: await toBase64(file),
      columns: { ...columns, source: columns.source?.trim() || undefined },
    };
  };
  const run = async (apply: boolean) => {
    const body = await upload();
    if (!body) return;
    setBusy(true);
    setConflict(null);
    try {
      // The apply sends the versions its preview read: what the user checked is what gets replaced.
      const result = apply
        ? await applyPayments(unitCode, year, body, preview?.versions ?? {})
        : await previewPayments(unitCode, year, body);
      setPreview(result);
      if (apply) {
        message.success(t('monitoring.imported'));
        onImported();
        onClose();
      }
    } catch (failure) {
      if (apply && isStaleWrite(failure)) {
        setConflict(failure);
        setPreview(null); // the preview shows figures that are no longer there: preview again before importing
      } else message.error(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('monitoring.columnHint') }];
  return (
    <Modal
      open={open}
      title={t('monitoring.importPayments')}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="preview" onClick={() => run(false)} loading={busy} disabled={!file}>
          {t('monitoring.preview')}
        </Button>,
        <Button
          key="apply"
          type="primary"
          data-testid="payments-apply"
          onClick={() => run(true)}
          loading={busy}
          disabled={!preview || preview.errors.length > 0}
        >
          {t('monitoring.apply')}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{ projectCode: '项目编码', date: '支付日期', amount: '金额', source: '' }}
      >
        <Form.Item label={t('monitoring.file')}>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            data-testid="payments-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="projectCode" label={t('monitoring.column.projectCode')} rules={required}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="date" label={t('monitoring.column.date')} rules={required}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="amount" label={t('monitoring.column.amount')} rules={required}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="source" label={t('monitoring.column.source')}>
            <Input style={{ width: 110 }} />
          </Form.Item>
        </Space>
      </Form>
      <p className="monitoring-note">{t('monitoring.columnHint')}</p>
      {/* 重新加载 = preview again: the same file against the figures stored now. */}
      {conflict !== null && (
        <ConflictNotice error={conflict} onReload={() => void run(false)} onDismiss={() => setConflict(null)} />
      )}
      {conflict !== null && (
        <p className="monitoring-note" data-testid="payments-preview-again">
          {t('monitoring.previewAgain')}
        </p>
      )}
      {preview && (
        <div data-testid="payments-preview">
          <Alert
            type={preview.errors.length > 0 ? 'error' : 'success'}
            showIcon
            title={
              preview.errors.length > 0
                ? t('monitoring.previewErrors', { n: preview.errors.length })
                : t('monitoring.previewRows', { rows: preview.rows.length, months: preview.months.length })
            }
          />
          {preview.errors.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey={(e) => `${e.row}-${e.column}`}
              dataSource={preview.errors}
              columns={[
                { title: t('monitoring.row'), dataIndex: 'row', width: 60 },
                { title: t('monitoring.column'), dataIndex: 'column', width: 60 },
                { title: t('monitoring.error'), dataIndex: 'message' },
              ]}
            />
          )}
          {preview.errors.length === 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey={(m) => `${m.projectCode}-${m.month}-${m.source}`}
              dataSource={preview.months}
              columns={[
                { title: t('monitoring.project'), dataIndex: 'projectCode' },
                { title: t('monitoring.month'), dataIndex: 'month', width: 70 },
                {
                  title: t('monitoring.fiscal'),
                  dataIndex: 'source',
                  width: 100,
                  render: (s: string) => (s === 'fiscal' ? t('monitoring.fiscal') : t('monitoring.other')),
                },
                { title: t('monitoring.monthAmount'), dataIndex: 'amount', align: 'right' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
