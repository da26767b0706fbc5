import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  OPINION_CRITERIA,
  OPINION_GRADES,
  type ReviewOpinionBody,
  type ReviewOpinionDto,
} from '../../contract/review-opinions.ts';
import type { OpinionGrade, OpinionLevel } from '../../domain/review/opinion.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { saveOpinion } from './opinion-api.ts';
import { appendLine, consequenceKey, needsConsultation } from './opinion-logic.ts';
import { gradeText } from '../i18n/vocabulary.ts';
import type { Translate } from '../i18n/i18n.tsx';

type Values = Omit<ReviewOpinionBody, 'projectCode'>;

interface Props {
  unitCode: string;
  year: number;
  projectCode: string | null;
  level: OpinionLevel;
  /** This round's current form at the user's level: editing starts from it. */
  current: ReviewOpinionDto | null;
  /** Text queued by a suggestion's "写入意见" (a new object each click, so the same line twice is seen). */
  appended: { line: string } | null;
  onSaved: () => void;
}

/** Suggestions already written into an opinion: a form remounted after its save must not write them again. */
const applied = new WeakSet<{ line: string }>();

/** The grades as radio buttons, named in the user's language (优 → Excellent). */
const gradeOptions = (t: Translate) => OPINION_GRADES.map((grade) => ({ value: grade, label: gradeText(grade, t) }));

/** The editable 审核意见表 of one item at the user's level: four grades, the opinion, the result. */
export function OpinionForm({ unitCode, year, projectCode, level, current, appended, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);
  const overall = Form.useWatch('overall', form) as OpinionGrade | undefined;
  const id = projectCode ?? 'overall';

  // A suggestion clicked beside the form lands in the opinion once per click.
  useEffect(() => {
    if (appended === null || applied.has(appended)) return;
    applied.add(appended);
    form.setFieldValue('opinion', appendLine(form.getFieldValue('opinion') as string | undefined, appended.line));
    setDirty(true);
  }, [appended, form]);

  const save = async (values: Values) => {
    setBusy(true);
    try {
      const note = values.consultationNote?.trim();
      await saveOpinion(unitCode, year, {
        ...values,
        projectCode,
        opinion: values.opinion.trim(),
        consultationNote: needsConsultation(values.overall) && note ? note : undefined,
      });
      setDirty(false);
      message.success(t('opinion.saved'));
      onSaved();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="opinion-form"
      data-testid={`opinion-form-${id}`}
      initialValues={current ?? undefined}
      onValuesChange={() => setDirty(true)}
      onFinish={save}
    >
      <Typography.Text strong>{t('opinion.levelForm', { level: t(`opinion.level.${level}`) })}</Typography.Text>
      <CriteriaFields />
      <Form.Item
        name="opinion"
        label={t('opinion.opinion')}
        rules={[{ required: true, whitespace: true, message: t('opinion.opinionRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} data-testid="opinion-text" />
      </Form.Item>
      <ResultFields overall={overall} />
      <Button type="primary" htmlType="submit" loading={busy} data-testid="opinion-save">
        {t('opinion.save')}
      </Button>
    </Form>
  );
}

/** 完整性 / 相关性 / 适当性 / 可行性, each 优/良/中/差. */
function CriteriaFields() {
  const { t } = useI18n();
  return (
    <div className="opinion-criteria">
      {OPINION_CRITERIA.map((criterion) => (
        <Form.Item
          key={criterion}
          name={criterion}
          label={t(`opinion.criterion.${criterion}`)}
          tooltip={t(`opinion.criterion.${criterion}.help`)}
          rules={[{ required: true, message: t('opinion.gradeRequired') }]}
        >
          <Radio.Group
            optionType="button"
            options={gradeOptions(t)}
            aria-label={t(`opinion.criterion.${criterion}`)}
            data-testid={`opinion-${criterion}`}
          />
        </Form.Item>
      ))}
    </div>
  );
}

/** 审核结果 with what it means, and the consultation note that 良 asks for. */
function ResultFields({ overall }: { overall: OpinionGrade | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="overall"
        label={t('opinion.overall')}
        rules={[{ required: true, message: t('opinion.gradeRequired') }]}
        extra={overall ? <span data-testid="opinion-consequence">{t(consequenceKey(overall))}</span> : undefined}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={gradeOptions(t)}
          aria-label={t('opinion.overall')}
          data-testid="opinion-overall"
        />
      </Form.Item>
      {needsConsultation(overall) && (
        <Form.Item
          name="consultationNote"
          label={t('opinion.consultation')}
          rules={[{ required: true, whitespace: true, message: t('opinion.consultationRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="opinion-consultation" />
        </Form.Item>
      )}
    </>
  );
}
