import { Empty, Spin, Tag } from 'antd';
import type { Workbench, WorkbenchItem, WorkbenchSection } from '../../contract/workbench.ts';
import { Link } from '../app/router.tsx';
import { useI18n, type Translate } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { actionKindText } from '../i18n/vocabulary.ts';
import { LazyChart } from '../monitoring/LazyChart.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { useCurrentYear } from '../years/current-year.ts';
import { fetchWorkbench } from './api.ts';
import { routeOf } from './item-route.ts';
import { progressChartOption } from './progress-chart.ts';
import './workbench.css';

/**
 * 工作台, the home page (issue 17 item 1, decision 037): what the signed-in user must do now in the year
 * chosen in the header, each item a link to the page where it is done, most urgent first. Plain markup
 * (the first page after sign-in); the bureau's progress chart loads ECharts lazily.
 */
export function WorkbenchPage() {
  const { t } = useI18n();
  const year = useCurrentYear();
  const bench = useAsync(() => fetchWorkbench(year), `workbench:${year ?? 'newest'}`);
  const data = bench.data;
  return (
    <section className="page-panel workbench" data-testid="workbench">
      <div className="workbench-title">
        <h2>{t('workbench.title')}</h2>
        <span data-testid="workbench-units">
          <Link to={{ name: 'units' }}>{t('workbench.units')}</Link>
        </span>
      </div>
      {bench.error !== undefined && <LoadError error={bench.error} onRetry={bench.reload} />}
      {data === undefined ? (
        <Spin spinning={bench.loading} />
      ) : data.year === null ? (
        <Empty description={t('workbench.noYear')} />
      ) : (
        <>
          <p className="secondary">{t(`workbench.subtitle.${data.role}`, { year: data.year })}</p>
          <div className="workbench-grid">
            {data.sections.map((section) => (
              <SectionPanel key={section.key} section={section} />
            ))}
            {data.progress && <ProgressPanel progress={data.progress} />}
            {data.setup && <SetupPanel setup={data.setup} />}
          </div>
        </>
      )}
    </section>
  );
}

function SectionPanel({ section }: { section: WorkbenchSection }) {
  const { t } = useI18n();
  const more = section.total - section.items.length;
  return (
    <div className="workbench-panel" data-testid={`workbench-${section.key}`}>
      <h3>
        {t(`workbench.section.${section.key}`)} <span className="workbench-count">{section.total}</span>
      </h3>
      {section.items.length === 0 ? (
        <p className="secondary">{t(`workbench.empty.${section.key}`)}</p>
      ) : (
        <ul className="workbench-items">
          {section.items.map((item) => (
            <ItemRow
              key={`${item.kind}:${item.unitCode}:${item.month ?? ''}:${item.dueDate ?? ''}:${item.since ?? ''}`}
              item={item}
            />
          ))}
        </ul>
      )}
      {more > 0 && <p className="secondary">{t('workbench.more', { n: more })}</p>}
    </div>
  );
}

function ItemRow({ item }: { item: WorkbenchItem }) {
  const { t } = useI18n();
  const label = t(`workbench.kind.${item.kind}` as MessageKey, {
    month: item.month ?? '',
    detail: warningDetail(item, t),
  });
  return (
    <li className="workbench-item" data-testid="workbench-item" data-kind={item.kind}>
      <div className="workbench-item-head">
        <Link to={routeOf(item)}>{label}</Link>
        {item.overdue && <Tag color="red">{t('workbench.overdue')}</Tag>}
        {item.dueSoon && <Tag color="orange">{t('workbench.dueSoon')}</Tag>}
      </div>
      <div className="secondary workbench-item-meta">
        <span>
          {item.unitCode} {item.unitName}
        </span>
        {item.dueDate && <span>{t('workbench.due', { date: item.dueDate })}</span>}
        {!item.dueDate && item.since && <span>{t('workbench.since', { date: item.since.slice(0, 10) })}</span>}
      </div>
      {item.comment && (
        <blockquote className="workbench-comment" data-testid="workbench-comment">
          {item.commentBy && t('workbench.by', { name: item.commentBy })}
          {item.comment}
        </blockquote>
      )}
    </li>
  );
}

/**
 * A warnings item's detail is "rank:count" (the count is what a reader needs); an action's is its kind (提示 …,
 * vocabulary worded in the UI's language); other kinds' detail is data.
 */
function warningDetail(item: WorkbenchItem, t: Translate): string {
  if (item.kind === 'action-reply' || item.kind === 'action-overdue') return actionKindText(item.detail ?? '', t);
  if (item.kind !== 'warnings') return item.detail ?? '';
  return item.detail?.split(':')[1] ?? '';
}

function ProgressPanel({ progress }: { progress: NonNullable<Workbench['progress']> }) {
  const { t } = useI18n();
  const option = progressChartOption(progress, (stage) => t(`workbench.stage.${stage}`));
  return (
    <div className="workbench-panel workbench-wide" data-testid="workbench-progress">
      <h3>
        {t('workbench.progress')}{' '}
        <span className="secondary">{t('workbench.progress.units', { n: progress.units })}</span>
      </h3>
      <LazyChart option={option} height={240} testId="workbench-progress-chart" />
    </div>
  );
}

function SetupPanel({ setup }: { setup: NonNullable<Workbench['setup']> }) {
  const { t } = useI18n();
  return (
    <div className="workbench-panel" data-testid="workbench-setup">
      <h3>{t('workbench.setup')}</h3>
      <p>{t('workbench.setup.counts', setup)}</p>
      {setup.usersWithoutEmail > 0 && (
        <p className="secondary">{t('workbench.setup.noEmail', { n: setup.usersWithoutEmail })}</p>
      )}
      <p className="workbench-links">
        <Link to={{ name: 'users' }}>{t('workbench.setup.users')}</Link>
        <Link to={{ name: 'organisations' }}>{t('workbench.setup.organisations')}</Link>
      </p>
    </div>
  );
}
