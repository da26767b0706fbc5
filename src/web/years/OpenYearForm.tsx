import { Alert, App, Button, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { FiscalYearDeadlines } from '../../contract/fiscal-years.ts';
import { readMonitoringPolicy } from '../../contract/policies.ts';
import { checkpointDueDate } from '../../domain/monitoring/checkpoints.ts';
import type { MonitoringCheckpoint } from '../../domain/monitoring/policy.ts';
import { useSession } from '../auth/session.ts';
import { fetchPolicy } from '../policies/api.ts';
import { useAsync } from '../shared/use-async.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { openYear } from './api.ts';
import { refreshYears } from './current-year.ts';

interface Values {
  year: number;
  targets?: string;
  monitoring?: string;
  evaluation?: string;
}

const STAGES = ['targets', 'monitoring', 'evaluation'] as const;

/**
 * 开启新年度: the year, its three deadlines (the browser's own date picker: on a phone, the system's), what
 * opening copies, and a confirmation before anything is written.
 */
export function OpenYearForm({ suggestedYear }: { suggestedYear: number }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const checkpoints = useCheckpoints();
  const year = Form.useWatch('year', form);
  const schedule =
    checkpoints.length > 0 && typeof year === 'number'
      ? checkpoints.map((c) => `${c.month} → ${checkpointDueDate(year, c)}`).join(', ')
      : null;

  const submit = async (values: Values) => {
    setBusy(true);
    setOutcome(null);
    try {
      const deadlines: Partial<FiscalYearDeadlines> = {};
      for (const stage of STAGES) if (values[stage]) deadlines[stage] = values[stage];
      const result = await openYear(values.year, deadlines);
      await refreshYears();
      const params = { year: values.year, copied: result.copied, present: result.alreadyPresent };
      setOutcome({ type: 'success', text: t('years.open.done', params) });
      form.setFieldsValue({ year: values.year + 1, targets: '', monitoring: '', evaluation: '' });
    } catch (error) {
      setOutcome({ type: 'error', text: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };
  const confirm = (values: Values) =>
    modal.confirm({
      title: t('years.open.title'),
      content: t('years.open.confirm', { year: values.year }),
      okText: t('years.confirm'),
      cancelText: t('years.cancel'),
      onOk: () => submit(values),
    });

  return (
    <section className="years-open" aria-labelledby="years-open-title" data-testid="open-year-form">
      <Typography.Title level={5} id="years-open-title">
        {t('years.open.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('years.open.explain')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="open-year"
        layout="vertical"
        initialValues={{ year: suggestedYear }}
        onFinish={confirm}
      >
        <div className="years-deadlines">
          <Form.Item
            name="year"
            label={t('years.open.year')}
            rules={[{ required: true, message: t('years.open.yearRequired') }]}
          >
            <InputNumber min={1990} max={2100} precision={0} data-testid="open-year-year" />
          </Form.Item>
          {STAGES.map((stage) => (
            <Form.Item
              key={stage}
              name={stage}
              label={t(`years.open.${stage}`)}
              extra={stage === 'monitoring' && schedule ? t('years.open.checkpoints', { schedule }) : undefined}
            >
              <Input type="date" data-testid={`open-year-${stage}`} />
            </Form.Item>
          ))}
        </div>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="open-year-submit">
          {t('years.open.submit')}
        </Button>
      </Form>
      {outcome && (
        <Alert
          className="years-outcome"
          type={outcome.type}
          showIcon
          title={outcome.text}
          data-testid="open-year-outcome"
        />
      )}
    </section>
  );
}

/**
 * The monitoring checkpoints of the bureau's policy (they stay there; opening a year only takes the first one's due
 * date as the monitoring deadline when none is given). Asked for by a bureau user only: the administrator names
 * an organisation to read a policy, and the hint is not worth a refused request.
 */
function useCheckpoints(): MonitoringCheckpoint[] {
  const { user } = useSession();
  const bureau = user?.role === 'bureau';
  const policy = useAsync(
    () => (bureau ? fetchPolicy('monitoring', null) : Promise.resolve(null)),
    bureau ? 'bureau' : 'none',
  );
  if (!policy.data) return [];
  try {
    return [...readMonitoringPolicy(policy.data.effective).checkpoints].sort((a, b) => a.month - b.month);
  } catch {
    return [];
  }
}
