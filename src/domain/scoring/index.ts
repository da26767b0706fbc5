/** Self-evaluation scoring (单位自评, 财预〔2020〕10号; guide §6). Pure: no I/O. */
export { scoreProject, gradeOf } from './score-project.ts';
export type { ProjectActuals, IndicatorActual, Grade, QualitativeBand } from './score-project.ts';
export { fractionAsPercent, fractionOfPercentQuestion } from './actual-value.ts';
export type { ScoringPolicy, ScoringPolicyInput } from './policy.ts';
export { missingDeviationAnalysis } from './deviation.ts';
export { presentProjectScore } from './present.ts';
export type { PresentedProject } from './present.ts';
export { scoreProjects } from './score-unit.ts';
export type { UnitScoreResult } from './score-unit.ts';
