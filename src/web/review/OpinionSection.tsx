import { Alert, Button, Card, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FindingDto } from '../../contract/review.ts';
import type { ReviewOpinionsView } from '../../contract/review-opinions.ts';
import type { OpinionLevel } from '../../domain/review/opinion.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { fetchOpinions, opinionExportUrl } from './opinion-api.ts';
import { openOpinionItem, opinionsChanged } from './opinion-events.ts';
import { findingLine, findingLocation, findingsOf, itemDomKey, type OpinionItemView } from './opinion-logic.ts';
import { OpinionForm } from './OpinionForm.tsx';
import { OpinionHistory } from './OpinionHistory.tsx';
import { OPINION_GRADE_COLORS, OpinionReadOnly } from './OpinionReadOnly.tsx';
import { criterionText, gradeText, opinionBlockedText } from '../i18n/vocabulary.ts';

interface Props {
  unitCode: string;
  year: number;
  /** Changes after a workflow step on the page: the forms are read again. */
  revision: number;
  findings: FindingDto[];
  onLocate: (finding: FindingDto) => void;
}

/**
 * 绩效目标审核意见表 (财预〔2015〕88号): one panel per project and one for the overall targets, each with
 * the form of the user's level, the other level's form read-only, and the automated findings beside.
 */
export function OpinionSection({ unitCode, year, revision, findings, onLocate }: Props) {
  const { t } = useI18n();
  const key = `${unitCode}/${year}`;
  const { data, error, reload } = useAsync(() => fetchOpinions(unitCode, year), `${key}#${revision}`);
  const [open, setOpen] = useState<string[]>([]);

  // A link in the workflow bar's list of what still blocks the step opens that item's form.
  useEffect(
    () =>
      openOpinionItem.subscribe((item) => {
        setOpen((keys) => (keys.includes(item) ? keys : [...keys, item]));
        setTimeout(() => document.getElementById(`opinion-${item}`)?.scrollIntoView({ block: 'start' }), 50);
      }),
    [],
  );

  if (!data) return error !== undefined ? <LoadError error={error} onRetry={reload} /> : null;
  const saved = () => {
    reload();
    opinionsChanged.emit(key);
  };
  const items = data.items.map((item) => ({
    key: itemDomKey(item.projectCode),
    label: <ItemHeader item={item} view={data} />,
    children: (
      <ItemBody
        unitCode={unitCode}
        year={year}
        item={item}
        view={data}
        findings={findings}
        onLocate={onLocate}
        onSaved={saved}
      />
    ),
  }));
  return (
    <Card
      className="page-card opinion-section"
      data-testid="opinion-section"
      title={t('opinion.title')}
      extra={<Downloads unitCode={unitCode} year={year} />}
    >
      <Typography.Paragraph type="secondary">
        {t('opinion.hint')} {t('opinion.round', { n: data.round })}
      </Typography.Paragraph>
      {data.recordLevel === null && data.recordBlockedReason && (
        <Alert type="info" showIcon className="opinion-alert" title={opinionBlockedText(data, t)} />
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Collapse activeKey={open} onChange={(keys) => setOpen(keys as string[])} items={items} />
      )}
      <OpinionHistory history={data.history} items={data.items} />
    </Card>
  );
}

function Downloads({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  return (
    <Space size="small" wrap aria-label={t('opinion.download')}>
      <Typography.Text type="secondary">{t('opinion.download')}</Typography.Text>
      <a href={opinionExportUrl(unitCode, year, 'docx')} download data-testid="opinion-docx">
        {t('opinion.downloadDocx')}
      </a>
      <a href={opinionExportUrl(unitCode, year, 'pdf')} download data-testid="opinion-pdf">
        {t('opinion.downloadPdf')}
      </a>
    </Space>
  );
}

function ItemHeader({ item, view }: { item: OpinionItemView; view: ReviewOpinionsView }) {
  const { t } = useI18n();
  const levels = chainLevels(view);
  return (
    <span id={`opinion-${itemDomKey(item.projectCode)}`} data-testid={`opinion-item-${itemDomKey(item.projectCode)}`}>
      <span className="opinion-item-name">
        {item.projectCode ? `${item.projectCode} ${item.name}` : t('review.department')}
      </span>
      {levels.map((level) => {
        const form = item[level];
        return (
          <Tag key={level} color={form ? OPINION_GRADE_COLORS[form.overall] : undefined}>
            {t(`opinion.level.${level}`)}：{form ? form.overall : t('opinion.notRecorded')}
          </Tag>
        );
      })}
      {item.automatedGrade && (
        <Typography.Text type="secondary">
          {t('opinion.automated', { grade: gradeText(item.automatedGrade, t) })}
        </Typography.Text>
      )}
    </span>
  );
}

interface BodyProps {
  unitCode: string;
  year: number;
  item: OpinionItemView;
  view: ReviewOpinionsView;
  findings: FindingDto[];
  onLocate: (finding: FindingDto) => void;
  onSaved: () => void;
}

function ItemBody({ unitCode, year, item, view, findings, onLocate, onSaved }: BodyProps) {
  const [appended, setAppended] = useState<{ line: string } | null>(null);
  const level = view.recordLevel;
  // The bureau reads the department's form next to its own; anyone who cannot record reads both.
  const readOnly = readOnlyLevels(level, view);
  return (
    <div className="opinion-item">
      <div className="opinion-forms">
        {level !== null && (
          <OpinionForm
            key={`${view.round}/${item[level]?.id ?? 'new'}`}
            unitCode={unitCode}
            year={year}
            projectCode={item.projectCode}
            level={level}
            current={item[level]}
            appended={appended}
            onSaved={onSaved}
          />
        )}
        {readOnly.map((l) => (
          <OpinionReadOnly key={l} opinion={item[l]} level={l} />
        ))}
      </div>
      <Suggestions
        findings={findingsOf(findings, item.projectCode)}
        canUse={level !== null}
        onLocate={onLocate}
        onUse={(line) => setAppended({ line })}
      />
    </div>
  );
}

/** The levels whose forms the chain has (decision 049): a superior union deciding alone records the only one. */
function chainLevels(view: ReviewOpinionsView): OpinionLevel[] {
  if (view.hasDepartment) return ['department', 'bureau'];
  return view.finalRole === 'department' ? ['department'] : ['bureau'];
}

function readOnlyLevels(level: OpinionLevel | null, view: ReviewOpinionsView): OpinionLevel[] {
  if (level === 'department') return [];
  return chainLevels(view).filter((l) => l !== level);
}

interface SuggestionProps {
  findings: FindingDto[];
  canUse: boolean;
  onLocate: (finding: FindingDto) => void;
  onUse: (line: string) => void;
}

/** The automated findings of the item, each with where it points: suggestions, never the grade. */
function Suggestions({ findings, canUse, onLocate, onUse }: SuggestionProps) {
  const { t, locale } = useI18n();
  return (
    <aside className="opinion-suggestions" data-testid="opinion-suggestions">
      <Typography.Text strong>{t('opinion.suggestions')}</Typography.Text>
      {findings.length === 0 && <div className="opinion-none">{t('opinion.noSuggestions')}</div>}
      {findings.map((finding, i) => {
        const location = findingLocation(finding.path, t);
        const text = locale === 'en' ? finding.messageEn : finding.message;
        return (
          <div key={i} className="opinion-suggestion" data-testid="opinion-suggestion" data-rule={finding.rule}>
            <div>
              <Tag>{criterionText(finding.criterion, t)}</Tag>
              {location && <Typography.Text type="secondary">{location}</Typography.Text>}
            </div>
            <div>{text}</div>
            <Space size="small">
              <Button size="small" type="link" onClick={() => onLocate(finding)}>
                {t('review.locate')}
              </Button>
              {canUse && (
                <Button
                  size="small"
                  onClick={() => onUse(findingLine(location, finding.message))}
                  data-testid="opinion-use-finding"
                >
                  {t('opinion.useFinding')}
                </Button>
              )}
            </Space>
          </div>
        );
      })}
    </aside>
  );
}
