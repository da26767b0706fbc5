import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, List, Modal, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportPreview } from '../../contract/documents.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatYuan } from '../shared/format.ts';
import { importFile, previewImport } from './api.ts';
import { distinctNotes } from './recognised.ts';
import { RecognisedSection } from './RecognisedSection.tsx';

interface Props {
  unitCode: string;
  year: number;
  onClose: () => void;
  onImported: () => void;
}

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Choose a file → the server parses and reviews it (nothing saved) → the user sees what would be stored → save. */
export default function UploadDialog({ unitCode, year, onClose, onImported }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File) => {
    setFile(chosen);
    setPreview(null);
    setFailure(null);
    setBusy(true);
    try {
      setPreview(await previewImport(unitCode, year, chosen));
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await importFile(unitCode, year, file);
      message.success(t('files.saved', { projects: result.projects, indicators: result.indicators }));
      onImported();
      onClose();
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={900}
      title={t('files.uploadTitle', { unit: unitCode, year })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('files.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          disabled={!preview || busy}
          loading={busy && preview !== null}
          onClick={save}
          data-testid="confirm-import"
        >
          {t('files.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('files.uploadHint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.docx,.txt,.csv,.json,.pdf,.xls,.doc,.wps,.et"
        multiple={false}
        showUploadList={false}
        beforeUpload={(chosen) => {
          void choose(chosen);
          return false;
        }}
        data-testid="upload-input"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('files.choose')}</p>
      </Upload.Dragger>
      {busy && !preview && (
        <Spin style={{ display: 'block', marginTop: 16 }} tip={t('files.previewing')}>
          <div style={{ height: 40 }} />
        </Spin>
      )}
      {failure && <Alert style={{ marginTop: 16 }} type="error" showIcon title={failure} data-testid="upload-error" />}
      {preview && <PreviewBody preview={preview} />}
    </Modal>
  );
}

function PreviewBody({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const { projects } = preview.document;
  const indicators = projects.reduce((sum, project) => sum + project.indicators.length, 0);
  const count = (severity: string) => preview.review.findings.filter((f) => f.severity === severity).length;
  const notes = distinctNotes(preview.notes);
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="upload-preview">
      <Alert type="info" showIcon title={t('files.summary', { projects: projects.length, indicators })} />
      {preview.replaces && <Alert type="warning" showIcon title={t('files.replaces')} />}
      <RecognisedSection preview={preview} />
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey="code"
        dataSource={projects}
        columns={[
          { title: t('files.col.code'), dataIndex: 'code' },
          { title: t('files.col.name'), dataIndex: 'name' },
          { title: t('files.col.budget'), align: 'right', render: (_, project) => formatYuan(project.budget.total) },
          { title: t('files.col.indicators'), align: 'right', render: (_, project) => project.indicators.length },
        ]}
      />
      {notes.length > 0 && (
        <List
          size="small"
          header={t('files.notes', { n: notes.length })}
          dataSource={notes}
          renderItem={(note) => <List.Item>{note.message}</List.Item>}
          data-testid="upload-notes"
        />
      )}
      <Typography.Text strong data-testid="upload-grade">
        {t('files.review', { grade: preview.review.grade, errors: count('error'), warnings: count('warning') })}
      </Typography.Text>
      <List
        size="small"
        bordered
        header={t('files.findings')}
        locale={{ emptyText: t('files.noFindings') }}
        dataSource={preview.review.findings}
        renderItem={(finding) => (
          <List.Item>
            <Space>
              <Tag color={SEVERITY_COLOR[finding.severity]}>{finding.criterion}</Tag>
              {finding.project && <Typography.Text code>{finding.project}</Typography.Text>}
              <span>{finding.message}</span>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
