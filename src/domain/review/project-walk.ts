import type { Indicator, Project, TargetsDocument } from '../targets.ts';
import type { FindingPath, Hit } from './types.ts';

/** Runs `check` on every project and tags its hits with the project's code. */
export function forEachProject(document: TargetsDocument, check: (project: Project) => Omit<Hit, 'project'>[]): Hit[] {
  // Plain loops: every rule walks every project, and most return nothing (the review's hot path).
  const hits: Hit[] = [];
  for (const project of document.projects) {
    const found = check(project);
    for (const hit of found) hits.push({ ...hit, project: project.code || null });
  }
  return hits;
}

/** Runs `check` on every indicator of every project, with the indicator's index. */
export function forEachIndicator(
  document: TargetsDocument,
  check: (indicator: Indicator, index: number, project: Project) => Omit<Hit, 'project'>[],
): Hit[] {
  return forEachProject(document, (project) => {
    const hits: Omit<Hit, 'project'>[] = [];
    project.indicators.forEach((indicator, index) => {
      const found = check(indicator, index, project);
      for (const hit of found) hits.push(hit);
    });
    return hits;
  });
}

export function hit(path: FindingPath, message: string, messageEn: string): Omit<Hit, 'project'> {
  return { path, message, messageEn };
}

/** "第2个指标“补助个人数量”": how messages name an indicator (1-based for people). */
export function indicatorLabel(indicator: Indicator, index: number): { zh: string; en: string } {
  const name = indicator.name || '（未命名）';
  return { zh: `第${index + 1}个指标“${name}”`, en: `indicator ${index + 1} “${name}”` };
}
