/** Self-evaluation scoring (单位自评, 财预〔2020〕10号; guide §6). Pure: no I/O. */
export { scoreProject, gradeOf } from './score-project.ts';
export type {
  ProjectActuals,
  IndicatorActual,
  ProjectScore,
  IndicatorScore,
  ExecutionScore,
  Grade,
} from './score-project.ts';
export { ScoringPolicySchema, DEFAULT_SCORING_POLICY, scoringPolicyFrom } from './policy.ts';
export type { ScoringPolicy, ScoringPolicyInput } from './policy.ts';
export { missingDeviationAnalysis } from './deviation.ts';
export type { MissingAnalysis } from './deviation.ts';
export { presentProjectScore, meanScore } from './present.ts';
export type { PresentedProject, PresentedIndicator } from './present.ts';
export { gradeWord, readActual, GRADE_WORD_CHOICES } from './actual-value.ts';
export type { QualitativeBand } from './actual-value.ts';
export { scoreProjects } from './score-unit.ts';
export type { UnitScoreResult } from './score-unit.ts';
