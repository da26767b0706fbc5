import { mul, rational, toFixed2, type Rational } from '../rational.ts';
import type { QualitativeBand } from './actual-value.ts';
import type { ExecutionScore, Grade, IndicatorScore, ProjectScore } from './score-project.ts';

/**
 * A score as it leaves the domain: every number rounded half-up to two decimals here and only
 * here, so rounded parts may differ from the rounded total by a cent (decision 010).
 */
export interface PresentedIndicator {
  name: string;
  target: string;
  actual: string | null;
  weight: number;
  points: number | null;
  met: boolean | null;
  missing?: true;
  notApplicable?: true;
  deviationRequired: boolean;
  decision: IndicatorScore['decision'];
  band: QualitativeBand | null;
  suggestedBand: QualitativeBand | null;
  suggestedPercent: number | null;
  bandRange: { min: number; max: number } | null;
}

export interface PresentedProject {
  code: string;
  name: string;
  score: number;
  grade: Grade | null;
  incomplete: boolean;
  /** false: no indicator applies (不可评分); the score means nothing and there is no grade. */
  scorable: boolean;
  /** rate in percent (90.5 = 90.5 %); null when missing or the adjusted budget is zero. */
  execution: {
    rate: number | null;
    weight: number;
    points: number | null;
    missing?: true;
    notApplicable?: true;
    deviationRequired: boolean;
    flag: ExecutionScore['flag'];
  };
  indicators: PresentedIndicator[];
}

const round = (value: Rational | null): number | null => (value === null ? null : toFixed2(value));

export function presentProjectScore(score: ProjectScore): PresentedProject {
  const e = score.execution;
  return {
    code: score.code,
    name: score.name,
    score: toFixed2(score.score),
    grade: score.grade,
    incomplete: score.incomplete,
    scorable: score.scorable,
    execution: {
      rate: round(e.rate && mul(e.rate, rational(100n))),
      weight: toFixed2(e.weight),
      points: round(e.points),
      ...(e.missing ? { missing: true as const } : {}),
      ...(e.notApplicable ? { notApplicable: true as const } : {}),
      deviationRequired: e.deviationRequired,
      flag: e.flag,
    },
    indicators: score.indicators.map((i) => ({
      name: i.name,
      target: i.target,
      actual: i.actual,
      weight: toFixed2(i.weight),
      points: round(i.points),
      met: i.met,
      ...(i.missing ? { missing: true as const } : {}),
      ...(i.notApplicable ? { notApplicable: true as const } : {}),
      deviationRequired: i.deviationRequired,
      decision: i.decision,
      band: i.band,
      suggestedBand: i.suggestedBand,
      suggestedPercent: i.suggestedPercent,
      bandRange: i.bandRange,
    })),
  };
}

/** The unit's mean score over its scorable projects, exact then rounded; null when it has none. */
export function meanScore(all: readonly ProjectScore[]): number | null {
  const scores = all.filter((s) => s.scorable);
  if (scores.length === 0) return null;
  const total = scores.reduce((acc, s) => ({ n: acc.n * s.score.d + s.score.n * acc.d, d: acc.d * s.score.d }), {
    n: 0n,
    d: 1n,
  });
  return toFixed2(rational(total.n, total.d * BigInt(scores.length)));
}
