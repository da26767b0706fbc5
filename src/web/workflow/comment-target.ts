import type { Project } from '../../contract/targets.ts';
import type { Translate } from '../i18n/i18n.tsx';

/** Where a comment may point: the document, a project, or one of its indicators. */
export function targetOptions(projects: Project[], t: Translate) {
  return [
    { value: 'doc', label: t('workflow.target.document') },
    ...projects.flatMap((project) => [
      { value: project.code, label: `${project.code} ${project.name}` },
      ...project.indicators.map((indicator, i) => ({
        value: `${project.code}#${i}`,
        label: `${project.name} · ${t('workflow.indicatorN', { n: i + 1 })} ${indicator.name}`,
      })),
    ]),
  ];
}

export function parseTarget(target: string | undefined): { projectCode: string | null; indicatorIndex: number | null } {
  if (!target || target === 'doc') return { projectCode: null, indicatorIndex: null };
  const hash = target.lastIndexOf('#');
  if (hash < 0) return { projectCode: target, indicatorIndex: null };
  return { projectCode: target.slice(0, hash), indicatorIndex: Number(target.slice(hash + 1)) };
}
