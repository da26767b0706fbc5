import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Notice } from '../../contract/results.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { issueNotice } from './api.ts';

interface Values {
  projectCode: string;
  body: string;
  requirement: string;
  deadline: Dayjs;
}

const WHOLE_UNIT = '';

/** 下发整改通知: about the whole unit-year or one project, with the problem, the requirement and a deadline. */
export function NoticeDialog(props: {
  unitCode: string;
  year: number;
  projects: { code: string; name: string }[];
  onClose: () => void;
  onIssued: (notice: Notice) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, whitespace: true, message: t('results.required') }];
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const notice = await issueNotice(props.unitCode, props.year, {
        projectCode: values.projectCode === WHOLE_UNIT ? null : values.projectCode,
        body: values.body,
        requirement: values.requirement,
        deadline: values.deadline.format('YYYY-MM-DD'),
      });
      message.success(t('results.issued'));
      props.onIssued(notice);
    } catch (failure) {
      message.error(errorMessage(failure, t));
    }
  };
  return (
    <Modal open title={t('results.issue')} onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ projectCode: WHOLE_UNIT }} data-testid="notice-dialog">
        <Form.Item name="projectCode" label={t('results.project')}>
          <Select
            options={[
              { value: WHOLE_UNIT, label: t('results.wholeUnit') },
              ...props.projects.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="body" label={t('results.body')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="notice-body" />
        </Form.Item>
        <Form.Item name="requirement" label={t('results.requirement')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="notice-requirement" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('results.deadline')}
          rules={[{ required: true, message: t('results.required') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            data-testid="notice-deadline"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
