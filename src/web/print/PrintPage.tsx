import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Space } from 'antd';
import { useEffect, type MouseEvent } from 'react';
import type { OverallTargets, TargetsDocument } from '../../domain/targets.ts';
import { navigate } from '../app/router.tsx';
import { fetchTargets } from '../http/endpoints.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ProjectTable } from '../projects/ProjectTable.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { OverallSheet } from '../targets/OverallSheet.tsx';
import { takePrintRequest } from './print-request.ts';
import './print.css';

interface Props {
  unitCode: string;
  year: number;
}

/**
 * The unit-year's whole document in the official form, in one go, for the browser to print on A4 (print.css):
 * cover line, 第一部分 部门整体绩效目标 (its text and, when the document has it, its table), then each
 * 项目支出绩效目标表 on a page of its own. The screen shows the same sheets; the Word and PDF downloads stay
 * the server's (decision 039).
 */
export default function PrintPage({ unitCode, year }: Props) {
  const { t } = useI18n();
  const { data, error, reload } = useAsync(() => fetchTargets(unitCode, year), `${unitCode}/${year}`);
  const document = data?.document;
  useEffect(() => {
    if (document === undefined || !takePrintRequest()) return;
    // The print dialog must see the page drawn with its fonts, not a half-laid-out one.
    void window.document.fonts.ready.then(() => window.print());
  }, [document]);
  if (!document)
    return error !== undefined ? (
      <LoadError error={error} onRetry={reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );
  return (
    <div className="print-page" data-testid="print-page">
      <div className="print-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'department', unitCode, year })}>
            {t('print.back')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
            {t('print.print')}
          </Button>
        </Space>
        <Alert type="info" showIcon title={t('print.hint')} className="print-hint" />
      </div>
      <article className="print-document">
        <header className="print-cover">
          <h1>{t('print.title', { unit: document.unit.name, year })}</h1>
          <p data-testid="print-cover-line">
            {t('print.cover', { code: document.unit.code, name: document.unit.name, year })}
          </p>
        </header>
        <Contents document={document} />
        <section className="print-part" id="print-part1" data-testid="print-overall">
          <h2>{t('dept.part1')}</h2>
          <OverallText document={document} />
          <OverallSheet unit={document.unit} overall={document.overall} />
        </section>
        <section className="print-part">
          <h2 className="print-part2-title">{t('dept.part2')}</h2>
          {document.projects.map((project, i) => (
            <div className="print-project" key={project.code} id={projectAnchor(project.code)}>
              <ProjectTable unit={document.unit} project={project} seq={i + 1} />
            </div>
          ))}
        </section>
      </article>
    </div>
  );
}

const projectAnchor = (code: string) => `print-project-${code}`;

/**
 * On screen only (print.css hides it): a table of contents linking to 第一部分 and to each project's table, so
 * that a phone need not scroll through the whole document to reach one project.
 */
function Contents({ document }: { document: TargetsDocument }) {
  const { t } = useI18n();
  const jump = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    // The router owns the URL; the link only scrolls.
    event.preventDefault();
    window.document.getElementById(id)?.scrollIntoView({ block: 'start' });
  };
  return (
    <nav className="print-contents" aria-label={t('print.contents')} data-testid="print-contents">
      <h2>{t('print.contents')}</h2>
      <ol>
        <li>
          <a href="#print-part1" onClick={jump('print-part1')}>
            {t('print.contentsPart1')}
          </a>
        </li>
        {document.projects.map((project, i) => (
          <li key={project.code}>
            <a href={`#${projectAnchor(project.code)}`} onClick={jump(projectAnchor(project.code))}>
              {t('table.caption', { n: i + 1, name: project.name })}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** 一、总体绩效目标 / 二、分项绩效目标 / 三、工作保障措施, as the Word document writes them. */
function OverallText({ document }: { document: TargetsDocument }) {
  const { t } = useI18n();
  const overall: OverallTargets = document.overall;
  const details = overall.goals.filter((goal) => goal.detail !== null);
  return (
    <>
      <h3>{t('print.sectionGoals')}</h3>
      {overall.goals.map((goal) => (
        <p key={goal.seq} className="print-paragraph">{`${goal.seq}.${goal.title}`}</p>
      ))}
      {details.length > 0 && (
        <>
          <h3>{t('print.sectionDetails')}</h3>
          {details.map((goal) => (
            <p key={goal.seq} className="print-paragraph">{`${goal.seq}.${goal.detail ?? ''}`}</p>
          ))}
        </>
      )}
      {overall.measures.length > 0 && (
        <>
          <h3>{t('print.sectionMeasures')}</h3>
          {overall.measures.map((section, i) => (
            <div key={i} className="print-measure">
              <p className="print-measure-heading">{section.heading}</p>
              {section.items.map((item, j) => (
                <p key={j} className="print-paragraph">
                  <strong>{item.label}</strong>
                  {item.text}
                </p>
              ))}
            </div>
          ))}
        </>
      )}
    </>
  );
}
