import { AppError } from '../errors.ts';
import type { TargetValue } from '../targets.ts';
import { div, mul, rational, type Rational } from '../rational.ts';
import { gradeWord, type QualitativeBand } from './actual-value.ts';
import { exactNumber } from './exact-number.ts';
import type { ScoringPolicy } from './policy.ts';

const BAND_LABELS: Record<QualitativeBand, string> = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' };

/** The evaluator's say on a judged indicator (as the 自评表 holds it). */
interface BandChoice {
  band?: QualitativeBand | null;
  bandPercent?: number | null;
}

export interface JudgedOutcome {
  /** null while the evaluator must decide. */
  points: Rational | null;
  met: boolean | null;
  band: QualitativeBand | null;
  decision: null | 'choose-band' | 'no-number';
  suggestedBand: QualitativeBand | null;
  suggestedPercent: number | null;
  bandRange: { min: number; max: number } | null;
}

/**
 * A target without a number, scored as 财预〔2020〕10号 says for 定性 indicators: in three bands (达成
 * 100–80 %, 部分达成 80–50 %, 未达成 50–0 % of the weight), the evaluator choosing the score inside the band.
 * A grade word in the actual suggests a band and the band's suggested share (its top; 较好 its bottom);
 * without the evaluator's choice a qualitative indicator scores the suggestion, so imported documents
 * still score. Free text naming no band asks the evaluator ('choose-band'), and so does every target
 * with a unit but no number (the seed's “… 个”: 'no-number'), which is never scored as met by itself.
 * `index` is the entry's place in the actuals, for the error path of a share outside its band.
 */
export function judgedOutcome(
  target: TargetValue,
  actual: string,
  choice: BandChoice,
  weight: Rational,
  policy: ScoringPolicy,
  index: number,
): JudgedOutcome {
  const word = gradeWord(actual);
  const suggestedBand = word?.band ?? null;
  const suggestion = word && policy.qualitative[word.band];
  const suggestedPercent = suggestion ? (word.atBandMinimum ? suggestion.min : suggestion.points) : null;
  const suggested = { suggestedBand, suggestedPercent };
  const chosen = choice.band ?? null;
  if (chosen === null && choice.bandPercent != null) {
    throw new AppError('VALIDATION', '给出档内得分时须同时选择档次（达成 / 部分达成 / 未达成）', {
      location: { path: ['indicators', index, 'band'] },
    });
  }
  if (chosen !== null) return { ...chosenOutcome(chosen, choice.bandPercent, weight, policy, index), ...suggested };
  const suggestedRange = suggestion ? { min: suggestion.min, max: suggestion.max } : null;
  const pending = { points: null, met: null, band: null, ...suggested, bandRange: suggestedRange };
  if (target.unit !== null) return { ...pending, decision: 'no-number' };
  if (word === null || suggestedPercent === null) return { ...pending, decision: 'choose-band' };
  const met = word.band === 'achieved';
  return {
    points: share(weight, suggestedPercent),
    met,
    band: word.band,
    decision: null,
    ...suggested,
    bandRange: suggestedRange,
  };
}

/** The evaluator's band and score inside it (the band's suggested share when none is given). */
function chosenOutcome(
  chosen: QualitativeBand,
  bandPercent: number | null | undefined,
  weight: Rational,
  policy: ScoringPolicy,
  index: number,
): Omit<JudgedOutcome, 'suggestedBand' | 'suggestedPercent'> {
  const range = policy.qualitative[chosen];
  const percent = bandPercent ?? range.points;
  if (!(percent >= range.min && percent <= range.max)) {
    throw new AppError(
      'VALIDATION',
      `${BAND_LABELS[chosen]}档的得分应在指标分值的 ${range.min}%–${range.max}% 之间（给出的是 ${percent}%）`,
      { location: { path: ['indicators', index, 'bandPercent'] } },
    );
  }
  const bandRange = { min: range.min, max: range.max };
  return { points: share(weight, percent), met: chosen === 'achieved', band: chosen, decision: null, bandRange };
}

function share(weight: Rational, percent: number): Rational {
  return percent === 100 ? weight : mul(weight, div(exactNumber(percent), rational(100n)));
}
