import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { FiscalYear, FiscalYearDeadlines } from '../../contract/fiscal-years.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { saveDeadlines } from './api.ts';
import { refreshYears } from './current-year.ts';

const STAGES = ['targets', 'monitoring', 'evaluation'] as const;
type Values = Partial<Record<(typeof STAGES)[number], string>>;

/** 修改截止日期 of an opened, open year: the three dates in a dialog; an emptied date removes that deadline. */
export function DeadlinesButton({ year }: { year: FiscalYear }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    setBusy(true);
    try {
      const deadlines = Object.fromEntries(STAGES.map((stage) => [stage, values[stage] || null]));
      await saveDeadlines(year.year, deadlines as FiscalYearDeadlines);
      await refreshYears();
      setOpen(false);
      void message.success(t('years.deadlines.saved', { year: year.year }));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`deadlines-${year.year}`}>
        {t('years.deadlines.edit')}
      </Button>
      <Modal
        open={open}
        title={t('years.deadlines.title', { year: year.year })}
        okText={t('years.confirm')}
        cancelText={t('years.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          name={`deadlines-${year.year}`}
          layout="vertical"
          initialValues={Object.fromEntries(STAGES.map((stage) => [stage, year.deadlines[stage] ?? '']))}
          onFinish={save}
        >
          {STAGES.map((stage) => (
            <Form.Item key={stage} name={stage} label={t(`years.open.${stage}`)}>
              <Input type="date" />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
