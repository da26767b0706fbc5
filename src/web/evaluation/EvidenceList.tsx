import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import type { Attachment } from '../../contract/evaluation.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { deleteEvidence, evidenceUrl, uploadEvidence } from './api.ts';

interface Props {
  unitCode: string;
  year: number;
  projectCode: string;
  attachments: Attachment[];
  editable: boolean;
  /** Called after an upload or a delete: the page reloads the 自评表. */
  onChanged: () => void;
}

/** 证明材料 of one project: links to download, and upload/delete while the 自评表 is a draft. */
export function EvidenceList({ unitCode, year, projectCode, attachments, editable, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const run = async (work: () => Promise<void>, done: string) => {
    try {
      await work();
      message.success(done);
      onChanged();
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
  };
  return (
    <div className="evaluation-evidence" data-testid={`evidence-${projectCode}`}>
      <Typography.Text strong>{t('evaluation.evidence')}：</Typography.Text>
      <Space wrap size={8}>
        {attachments.map((a) => (
          <span key={a.id}>
            <a href={evidenceUrl(unitCode, year, a.id)} download={a.fileName}>
              <PaperClipOutlined /> {a.fileName}
            </a>
            {editable && (
              <Button
                type="text"
                size="small"
                aria-label={`删除 ${a.fileName}`}
                icon={<DeleteOutlined />}
                onClick={() => run(() => deleteEvidence(unitCode, year, a.id), t('evaluation.evidenceDeleted'))}
              />
            )}
          </span>
        ))}
        {editable && (
          <Upload
            showUploadList={false}
            accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx"
            customRequest={({ file }) =>
              void run(
                () => uploadEvidence(unitCode, year, projectCode, file as File),
                t('evaluation.evidenceUploaded'),
              )
            }
          >
            <Button size="small" icon={<UploadOutlined />} title={t('evaluation.evidenceHint')}>
              {t('evaluation.evidenceUpload')}
            </Button>
          </Upload>
        )}
      </Space>
    </div>
  );
}
