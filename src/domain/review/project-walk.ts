import type { Indicator, Project, TargetsDocument } from '../targets.ts';
import type { FindingPath, Hit } from './types.ts';

type ProjectHit = Omit<Hit, 'project'>;

/**
 * What a check returns when it finds nothing (most do, for most projects): one shared empty list,
 * so the review's hot path allocates nothing per project and indicator. Never push into it.
 */
export const NONE: readonly ProjectHit[] = Object.freeze([]);

/** Runs `check` on every project and tags its hits with the project's code. */
export function forEachProject(document: TargetsDocument, check: (project: Project) => readonly ProjectHit[]): Hit[] {
  // Plain indexed loops: every rule walks every project, and most return nothing (the review's hot path).
  const hits: Hit[] = [];
  const projects = document.projects;
  for (let p = 0; p < projects.length; p++) {
    const project = projects[p]!;
    const found = check(project);
    for (let h = 0; h < found.length; h++) {
      const one = found[h]!;
      hits.push({ path: one.path, message: one.message, messageEn: one.messageEn, project: project.code || null });
    }
  }
  return hits;
}

/** Runs `check` on every indicator of every project, with the indicator's index. */
export function forEachIndicator(
  document: TargetsDocument,
  check: (indicator: Indicator, index: number, project: Project) => readonly ProjectHit[],
): Hit[] {
  // One loop over projects and indicators, no per-project list: same hits, same order as before.
  const hits: Hit[] = [];
  const projects = document.projects;
  for (let p = 0; p < projects.length; p++) {
    const project = projects[p]!;
    const indicators = project.indicators;
    for (let i = 0; i < indicators.length; i++) {
      const found = check(indicators[i]!, i, project);
      for (let h = 0; h < found.length; h++) {
        const one = found[h]!;
        hits.push({ path: one.path, message: one.message, messageEn: one.messageEn, project: project.code || null });
      }
    }
  }
  return hits;
}

export function hit(path: FindingPath, message: string, messageEn: string): ProjectHit {
  return { path, message, messageEn };
}

/** "第2个指标“补助个人数量”": how messages name an indicator (1-based for people). */
export function indicatorLabel(indicator: Indicator, index: number): { zh: string; en: string } {
  const name = indicator.name || '（未命名）';
  return { zh: `第${index + 1}个指标“${name}”`, en: `indicator ${index + 1} “${name}”` };
}
