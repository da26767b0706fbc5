import { Input, InputNumber, Space, Tag } from 'antd';
import type { Evaluation } from '../../contract/evaluation.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatYuan } from '../shared/format.ts';
import type { CategoryKey, IndicatorDraft, ProjectDraft } from './draft.ts';
import { IndicatorRow, points } from './IndicatorRow.tsx';
import '../projects/project-table.css';
import './evaluation.css';
import { gradeText } from '../i18n/vocabulary.ts';

type Project = Evaluation['projects'][number];

interface Props {
  project: Project;
  draft: ProjectDraft;
  seq: number;
  readOnly: boolean;
  onIndicator: (index: number, change: Partial<IndicatorDraft>) => void;
  onProject: (change: Partial<Pick<ProjectDraft, 'executionReason' | 'spentFiscal' | 'spentOther'>>) => void;
  onCategoryPoints: (key: CategoryKey, value: number | null) => void;
  /** A VALIDATION error the server located at this project's categoryPoints (shown at the field). */
  categoryError: string | null;
}

const CATEGORIES: readonly CategoryKey[] = ['output', 'cost', 'benefit', 'satisfaction'];

/** One project's 项目支出绩效自评表, in the official layout: money and execution, then the indicator rows. */
export function EvaluationTable(props: Props) {
  const { project, draft, seq, readOnly, onIndicator, onProject } = props;
  const { t } = useI18n();
  const { score } = project;
  const e = score.execution;
  const rate = e.notApplicable
    ? t('evaluation.notApplicable')
    : e.rate === null
      ? t('evaluation.missing')
      : `${e.rate.toFixed(2)}%`;
  return (
    <section className="project-block evaluation-block" data-testid={`evaluation-${project.code}`}>
      <div className="project-heading">
        <h3>
          {seq}. {project.name}
        </h3>
      </div>
      {/* The official grid keeps its columns on a phone and scrolls in this box (project-table.css). */}
      <div className="official-scroll">
        <table className="official-table evaluation-table">
          <colgroup>
            <col style={{ width: '7%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '10%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '14%' }} />
            <col style={{ width: '6%' }} />
            <col style={{ width: '6%' }} />
            <col style={{ width: '26%' }} />
          </colgroup>
          <tbody>
            <tr>
              <th>{t('evaluation.projectName')}</th>
              <td colSpan={4}>{project.name}</td>
              <th>{t('evaluation.projectCode')}</th>
              <td colSpan={3}>{project.code}</td>
            </tr>
            <tr>
              <th rowSpan={2}>{t('evaluation.funds')}</th>
              <th colSpan={2}>{t('evaluation.initialBudget')}</th>
              <th>{t('evaluation.adjustedBudget')}</th>
              <th>{t('evaluation.spent')}</th>
              <th>{t('evaluation.rate')}</th>
              <th>{t('evaluation.weight')}</th>
              <th>{t('evaluation.points')}</th>
              <th className="evaluation-hint">{t('evaluation.moneyHint')}</th>
            </tr>
            <tr>
              <td colSpan={2} className="num">
                {formatYuan(project.initialBudget)}
              </td>
              <td className="num">{formatYuan(project.adjustedBudget)}</td>
              <td className="num">
                {project.spent === null ? (
                  <Tag color="orange">{t('evaluation.missing')}</Tag>
                ) : (
                  formatYuan(project.spent)
                )}
              </td>
              <td className="num" data-testid="execution-rate">
                {rate}
              </td>
              <td className="num">{points(e.weight)}</td>
              <td className="num">{points(e.points)}</td>
              <td>
                {e.flag && <Tag color="red">{t(`evaluation.flag.${e.flag}`)}</Tag>}
                {(e.deviationRequired || draft.executionReason !== '') && (
                  <Input.TextArea
                    aria-label={t('evaluation.executionReason')}
                    placeholder={t('evaluation.executionReason')}
                    autoSize={{ minRows: 1 }}
                    status={e.deviationRequired && draft.executionReason.trim() === '' ? 'error' : undefined}
                    value={draft.executionReason}
                    disabled={readOnly}
                    onChange={(ev) => onProject({ executionReason: ev.target.value })}
                  />
                )}
              </td>
            </tr>
            <SplitRow project={project} draft={draft} readOnly={readOnly} onProject={onProject} />
            <tr>
              <th rowSpan={project.indicators.length + 1}>{t('evaluation.indicators')}</th>
              <th>{t('evaluation.level1')}</th>
              <th>{t('evaluation.level2')}</th>
              <th>{t('evaluation.level3')}</th>
              <th>{t('evaluation.target')}</th>
              <th>{t('evaluation.actual')}</th>
              <th>{t('evaluation.weight')}</th>
              <th>{t('evaluation.points')}</th>
              <th>{t('evaluation.deviation')}</th>
            </tr>
            {project.indicators.map((indicator, k) => (
              <IndicatorRow
                key={`${indicator.name}-${k}`}
                indicator={indicator}
                result={score.indicators[k]!}
                draft={draft.indicators[k]!}
                readOnly={readOnly}
                onChange={(change) => onIndicator(k, change)}
              />
            ))}
            <tr className="evaluation-total">
              <th colSpan={6}>{t('evaluation.total')}</th>
              <td className="num">100</td>
              <td className="num" data-testid="project-score">
                {score.scorable ? score.score.toFixed(2) : t('evaluation.unscorable')}
                {project.unitScore && (
                  <div className="evaluation-unit-points">
                    {t('evaluation.unitPoints', { value: project.unitScore.score.toFixed(2) })}
                  </div>
                )}
              </td>
              <td>
                {t('evaluation.grade')}：
                <strong data-testid="project-grade">
                  {score.grade ? gradeText(score.grade, t) : t('evaluation.ungraded')}
                </strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <CategoryPointsEditor {...props} />
    </section>
  );
}

/** 全年执行数 其中 财政拨款 / 其他资金: typed here, else the spending ledger's split (decision 035). */
function SplitRow({
  project,
  draft,
  readOnly,
  onProject,
}: Pick<Props, 'project' | 'draft' | 'readOnly' | 'onProject'>) {
  const { t } = useI18n();
  return (
    <tr>
      <th>{t('evaluation.spentFiscal')}</th>
      <td colSpan={3}>
        <Input
          size="small"
          aria-label={`${project.code} ${t('evaluation.spentFiscal')}`}
          placeholder={project.spentFiscal ?? ''}
          value={draft.spentFiscal}
          disabled={readOnly}
          onChange={(ev) => onProject({ spentFiscal: ev.target.value })}
        />
      </td>
      <th>{t('evaluation.spentOther')}</th>
      <td colSpan={2}>
        <Input
          size="small"
          aria-label={`${project.code} ${t('evaluation.spentOther')}`}
          placeholder={project.spentOther ?? ''}
          value={draft.spentOther}
          disabled={readOnly}
          onChange={(ev) => onProject({ spentOther: ev.target.value })}
        />
      </td>
      <td colSpan={2} className="evaluation-hint">
        {project.spentSplit === 'ledger' ? t('evaluation.spentLedger') : ''}
      </td>
    </tr>
  );
}

/** Per-project category points (total 100 with 执行率); the server validates, the error shows here. */
function CategoryPointsEditor({ project, draft, readOnly, onCategoryPoints, categoryError }: Props) {
  const { t } = useI18n();
  return (
    <div className="evaluation-categories" data-testid={`categories-${project.code}`}>
      <span>{t('evaluation.categoryPoints')}：</span>
      <Space wrap size={8}>
        {CATEGORIES.map((key) => (
          <label key={key}>
            {t(`evaluation.category.${key}`)}{' '}
            <InputNumber<number>
              size="small"
              min={0}
              max={100}
              aria-label={`${project.code} ${t(`evaluation.category.${key}`)}`}
              status={categoryError ? 'error' : undefined}
              value={draft.categoryPoints?.[key] ?? null}
              disabled={readOnly}
              onChange={(value) => onCategoryPoints(key, value)}
            />
          </label>
        ))}
      </Space>
      {categoryError && <div className="evaluation-field-error">{categoryError}</div>}
    </div>
  );
}
