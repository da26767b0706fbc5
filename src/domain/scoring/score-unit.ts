import type { Project } from '../targets.ts';
import type { ScoringPolicyInput } from './policy.ts';
import { meanScore, presentProjectScore, type PresentedProject } from './present.ts';
import { scoreProject, type ProjectActuals, type ProjectScore } from './score-project.ts';

export interface UnitScoreResult {
  meanScore: number | null;
  /** Some project lacks data: its score is a lower bound and the mean with it. */
  incomplete: boolean;
  projects: PresentedProject[];
  exact: ProjectScore[];
}

/** Every project of a unit-year, in the document's order; the mean is the plain mean of the project scores. */
export function scoreProjects(
  projects: readonly Project[],
  actualsOf: (project: Project, index: number) => ProjectActuals | null,
  policy?: ScoringPolicyInput,
): UnitScoreResult {
  const exact = projects.map((project, i) => scoreProject(project, actualsOf(project, i), policy));
  return {
    meanScore: meanScore(exact),
    incomplete: exact.some((s) => s.incomplete),
    projects: exact.map(presentProjectScore),
    exact,
  };
}
