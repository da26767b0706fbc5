import { Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import type { SelfReportView } from '../../contract/self-report.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { userDataCell } from '../shared/user-data.ts';

type Section = SelfReportView['sections'][number];

/** One section: its text in a textarea (the generated text until edited), save, and 恢复生成的文字 once edited. */
export function SectionEditor({
  section,
  editable,
  onSave,
}: {
  section: Section;
  editable: boolean;
  onSave: (section: string, text: string | null, expectedVersion: number) => Promise<void>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(section.text);
  const [busy, setBusy] = useState(false);
  const run = async (value: string | null) => {
    setBusy(true);
    try {
      await onSave(section.key, value, section.version);
    } finally {
      setBusy(false);
    }
  };
  const id = `self-report-${section.key}`;
  return (
    <section className="self-report-section" data-testid={id}>
      <h4 id={`${id}-heading`}>
        <span {...userDataCell()}>{section.heading}</span>{' '}
        {section.edited && <Tag color="blue">{t('selfReport.edited')}</Tag>}
      </h4>
      {editable ? (
        <Input.TextArea
          aria-labelledby={`${id}-heading`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoSize={{ minRows: 3, maxRows: 16 }}
          data-testid={`${id}-text`}
          {...userDataCell()}
        />
      ) : (
        <div className="self-report-text" {...userDataCell()}>
          {section.text.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
      {editable && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button
            size="small"
            type="primary"
            loading={busy}
            disabled={text === section.text}
            onClick={() => void run(text)}
            data-testid={`${id}-save`}
          >
            {t('selfReport.save')}
          </Button>
          {section.edited && (
            <Button size="small" loading={busy} onClick={() => void run(null)} data-testid={`${id}-restore`}>
              {t('selfReport.restore')}
            </Button>
          )}
        </Space>
      )}
      {editable && section.edited && (
        <details className="self-report-generated">
          <summary>{t('selfReport.generated')}</summary>
          <div {...userDataCell()}>
            {section.generated.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
