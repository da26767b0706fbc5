import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ProjectMonitoringView } from '../../contract/monitoring.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { isStaleWrite } from '../shared/conflict.ts';
import { ConflictNotice } from '../shared/ConflictNotice.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { formatYuan } from '../shared/format.ts';
import { fetchMonitoring, saveBudgetAdjustment, saveEntry, saveProgress, saveSpending } from './api.ts';
import { entryCompare, type EntryValues } from './conflict-compare.ts';

export type EntryKind = 'spending' | 'progress' | 'budget' | 'entry';
const LIKELIHOODS = ['确定能', '有可能', '不可能'] as const;
const CATEGORIES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => i + 1);

interface Props {
  kind: EntryKind | null;
  unitCode: string;
  year: number;
  projects: ProjectMonitoringView[];
  defaultMonth: number;
  onClose: () => void;
  onSaved: () => void;
}

/** The dialog's values as compared with the stored ones: the date as the server writes it. */
function formValues(values: Record<string, unknown>): EntryValues {
  const date = values['effectiveDate'] as Dayjs | undefined;
  return { ...values, effectiveDate: date?.format('YYYY-MM-DD') };
}

/** The three entry dialogs of the monitoring page; the server re-checks every rule enforced here. */
export function EntryForms(props: Props) {
  // A fresh dialog (and form store) per opening: nothing typed for one kind leaks into the next.
  return props.kind === null ? null : <EntryDialog key={props.kind} {...props} kind={props.kind} />;
}

function EntryDialog(props: Props & { kind: EntryKind }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  // Typed by the user (not the values the form fills in itself): closing or leaving asks first.
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<unknown>(null);
  const { confirmLeave } = useUnsavedChanges(dirty);
  const close = async () => {
    if (await confirmLeave()) props.onClose();
  };
  const projectCode = Form.useWatch('projectCode', form) as string | undefined;
  const likelihood = Form.useWatch('likelihood', form) as string | undefined;
  const project = props.projects.find((p) => p.code === projectCode);
  const titles: Record<EntryKind, string> = {
    spending: t('monitoring.enterSpending'),
    progress: t('monitoring.enterProgress'),
    budget: t('monitoring.adjustBudget'),
    entry: t('monitoring.enterEntry'),
  };

  // Initial values, not an effect: the modal mounts its form a moment after opening, and values set earlier are lost.
  const first = props.projects[0];
  const startMonth = Math.max(1, props.defaultMonth);
  const initialValues = {
    projectCode: first?.code,
    month: startMonth,
    likelihood: '确定能',
    fiscal: first?.months[startMonth - 1]?.fiscal ?? '0.00',
    other: first?.months[startMonth - 1]?.other ?? '0.00',
  };
  const entryOf = (chosen: ProjectMonitoringView | undefined, month: number) => {
    const entry = chosen?.entries.find((e) => e.month === month);
    return {
      forecastFullYear: entry?.forecastFullYear,
      releasedToDate: entry?.releasedToDate ?? undefined,
      carryOver: entry?.carryOver ?? undefined,
    };
  };
  if (props.kind === 'entry') Object.assign(initialValues, entryOf(first, startMonth));
  // Spending: when the user picks another project or month, show what that month already holds, so the form
  // edits rather than guesses (the first pair comes from initialValues).
  const onValuesChange = (changed: Record<string, unknown>, all: { projectCode?: string; month?: number }) => {
    setDirty(true);
    if (!('projectCode' in changed || 'month' in changed) || !all.month) return;
    const chosen = props.projects.find((p) => p.code === all.projectCode);
    if (!chosen) return;
    // The entered figures of that project and checkpoint, so the form edits what is stored.
    if (props.kind === 'entry') return form.setFieldsValue(entryOf(chosen, all.month));
    if (props.kind !== 'spending') return;
    const m = chosen.months[all.month - 1];
    form.setFieldsValue({ fiscal: m?.fiscal ?? '0.00', other: m?.other ?? '0.00' });
  };

  const submit = async () => {
    // A refused form shows its messages in place; the rejection is not an error to report.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    // The version this page read the project at: a save based on it is refused (409) if someone wrote since.
    const version = props.projects.find((p) => p.code === values.projectCode)?.version ?? 0;
    try {
      if (props.kind === 'spending') {
        await saveSpending(props.unitCode, props.year, values.projectCode, version, [
          { month: values.month, source: 'fiscal', amount: values.fiscal },
          { month: values.month, source: 'other', amount: values.other },
        ]);
      } else if (props.kind === 'progress') {
        await saveProgress(props.unitCode, props.year, values.projectCode, version, {
          indicatorName: values.indicatorName,
          month: values.month,
          valueToDate: values.valueToDate ?? '',
          forecast: values.forecast ?? '',
          likelihood: values.likelihood,
          deviationCategories: values.deviationCategories ?? [],
          reason: values.reason ?? '',
          measures: values.measures ?? '',
        });
      } else if (props.kind === 'entry') {
        const optional = (text: string | undefined) => (text === undefined || text === '' ? null : text);
        await saveEntry(props.unitCode, props.year, values.projectCode, version, {
          month: values.month,
          forecastFullYear: values.forecastFullYear,
          releasedToDate: optional(values.releasedToDate),
          carryOver: optional(values.carryOver),
        });
      } else if (props.kind === 'budget') {
        await saveBudgetAdjustment(props.unitCode, props.year, values.projectCode, version, {
          adjustedBudget: values.adjustedBudget,
          reason: values.reason,
          effectiveDate: (values.effectiveDate as Dayjs).format('YYYY-MM-DD'),
        });
      }
      message.success(t('monitoring.saved'));
      setDirty(false);
      props.onSaved();
      props.onClose();
    } catch (failure) {
      if (isStaleWrite(failure)) setConflict(failure);
      else message.error(errorMessage(failure, t));
    }
  };

  const required = (field: string) => [{ required: true, message: t('monitoring.required', { field }) }];
  const amountRules = (field: string) => [...required(field), { pattern: AMOUNT, message: t('editor.amountInvalid') }];
  const optionalAmount = [{ pattern: AMOUNT, message: t('editor.amountInvalid') }];
  const needsAnalysis = likelihood !== undefined && likelihood !== '确定能';
  return (
    <Modal
      open
      title={titles[props.kind]}
      okText={t('monitoring.save')}
      cancelText={t('monitoring.cancel')}
      onOk={submit}
      onCancel={() => void close()}
      destroyOnHidden
      width={640}
    >
      {/* 重新加载: the page reads the server's figures anew; the dialog closes on them. */}
      {conflict !== null && (
        <ConflictNotice
          error={conflict}
          onReload={() => {
            props.onSaved();
            props.onClose();
          }}
          onDismiss={() => setConflict(null)}
          compare={entryCompare(
            props.kind,
            () => formValues(form.getFieldsValue(true) as Record<string, unknown>),
            () => fetchMonitoring(props.unitCode, props.year),
            t,
          )}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        data-testid={`entry-form-${props.kind}`}
      >
        <Form.Item name="projectCode" label={t('monitoring.project')} rules={required(t('monitoring.project'))}>
          <Select options={props.projects.map((p) => ({ value: p.code, label: `${p.name}（${p.code}）` }))} />
        </Form.Item>
        {props.kind !== 'budget' && (
          <Form.Item name="month" label={t('monitoring.month')} rules={required(t('monitoring.month'))}>
            <Select options={MONTH_OPTIONS.map((m) => ({ value: m, label: t('monitoring.monthEnd', { month: m }) }))} />
          </Form.Item>
        )}
        {props.kind === 'spending' && (
          <>
            <p className="monitoring-note">{t('monitoring.spendingHint')}</p>
            <Form.Item
              name="fiscal"
              label={`${t('monitoring.fiscal')} · ${t('monitoring.monthAmount')}`}
              rules={amountRules(t('monitoring.fiscal'))}
            >
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item
              name="other"
              label={`${t('monitoring.other')} · ${t('monitoring.monthAmount')}`}
              rules={amountRules(t('monitoring.other'))}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </>
        )}
        {props.kind === 'progress' && (
          <>
            <Form.Item
              name="indicatorName"
              label={t('monitoring.indicator')}
              rules={required(t('monitoring.indicator'))}
            >
              <Select
                options={(project?.indicators ?? []).map((i) => ({ value: i.name, label: `${i.name}（${i.target}）` }))}
              />
            </Form.Item>
            <Form.Item
              name="valueToDate"
              label={t('monitoring.valueToDate')}
              rules={required(t('monitoring.valueToDate'))}
            >
              <Input />
            </Form.Item>
            <Form.Item name="forecast" label={t('monitoring.fullYear')} rules={required(t('monitoring.fullYear'))}>
              <Input />
            </Form.Item>
            <Form.Item name="likelihood" label={t('monitoring.likelihood')}>
              <Radio.Group options={LIKELIHOODS.map((l) => ({ value: l, label: l }))} />
            </Form.Item>
            {needsAnalysis && <p className="monitoring-note">{t('monitoring.deviationRequired')}</p>}
            <Form.Item
              name="deviationCategories"
              label={t('monitoring.deviation')}
              rules={needsAnalysis ? required(t('monitoring.deviation')) : []}
            >
              <Select mode="multiple" allowClear options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('monitoring.reasonText')}
              rules={needsAnalysis ? required(t('monitoring.reasonText')) : []}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name="measures"
              label={t('monitoring.measures')}
              rules={needsAnalysis ? required(t('monitoring.measures')) : []}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {props.kind === 'entry' && (
          <>
            <Form.Item
              name="forecastFullYear"
              label={t('monitoring.forecastEntered')}
              rules={amountRules(t('monitoring.forecastEntered'))}
              extra={
                project?.forecastFullYear != null &&
                t('monitoring.forecastHint', { amount: formatYuan(project.forecastFullYear) })
              }
            >
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="releasedToDate" label={t('monitoring.released')} rules={optionalAmount}>
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="carryOver" label={t('monitoring.carryOver')} rules={optionalAmount}>
              <Input inputMode="decimal" />
            </Form.Item>
          </>
        )}
        {props.kind === 'budget' && (
          <>
            <Form.Item
              name="adjustedBudget"
              label={t('monitoring.adjustedBudget')}
              rules={amountRules(t('monitoring.adjustedBudget'))}
            >
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('monitoring.adjustReason')}
              rules={required(t('monitoring.adjustReason'))}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name="effectiveDate"
              label={t('monitoring.effectiveDate')}
              rules={required(t('monitoring.effectiveDate'))}
            >
              <DatePicker />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
