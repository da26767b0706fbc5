import { BoundedCache } from '../bounded-cache.ts';
import { AppError } from '../errors.ts';
import { rememberedTargetValue } from '../target-value.ts';
import type { TargetValue } from '../targets.ts';
import { div, fromDecimal, mul, rational, type Rational } from '../rational.ts';
import { exactNumber } from './exact-number.ts';

/** The three qualitative bands of guide §6. */
export type QualitativeBand = 'achieved' | 'partly' | 'notAchieved';

/** A numeric actual, exact. */
export type ActualValue = { kind: 'number'; value: Rational };

/**
 * Grade words as 自评表 write them. 好/较好/一般/差 is the four-step scale (90–100 / 80–90 / 60–80 / < 60),
 * so 较好 sits at the bottom of the achieved band and 一般 in the partly band.
 */
const GRADE_WORDS: readonly [string, QualitativeBand, boolean][] = [
  ['基本达到', 'partly', false],
  ['基本完成', 'partly', false],
  ['部分达到', 'partly', false],
  ['部分完成', 'partly', false],
  ['基本满意', 'partly', false],
  ['基本及时', 'partly', false],
  ['基本实现', 'partly', false],
  ['一般', 'partly', false],
  ['未达到', 'notAchieved', false],
  ['未完成', 'notAchieved', false],
  ['没有达到', 'notAchieved', false],
  ['未实现', 'notAchieved', false],
  ['不满意', 'notAchieved', false],
  ['不及时', 'notAchieved', false],
  ['差', 'notAchieved', false],
  ['否', 'notAchieved', false],
  ['较好', 'achieved', true],
  ['良好', 'achieved', true],
  ['良', 'achieved', true],
  ['已达到', 'achieved', false],
  ['达到', 'achieved', false],
  ['已完成', 'achieved', false],
  ['完成', 'achieved', false],
  ['实现', 'achieved', false],
  ['达标', 'achieved', false],
  ['满意', 'achieved', false],
  ['及时', 'achieved', false],
  ['优秀', 'achieved', false],
  ['优', 'achieved', false],
  ['好', 'achieved', false],
  ['是', 'achieved', false],
];

const GRADE_WORD_MAP: ReadonlyMap<string, readonly [QualitativeBand, boolean]> = new Map(
  [...GRADE_WORDS].reverse().map(([word, band, atMinimum]) => [word, [band, atMinimum] as const]),
);

/** The band a grade word names (较好 at the band's lower edge), or null for free text. */
export function gradeWord(raw: string): { band: QualitativeBand; atBandMinimum: boolean } | null {
  const text = raw.replace(/[\s\u3000。.]/g, '');
  const found = GRADE_WORD_MAP.get(text);
  return found ? { band: found[0], atBandMinimum: found[1] } : null;
}

/** A target with a number (or a band) is scored by numbers; the others are judged in bands. */
export function isNumericTarget(target: TargetValue): boolean {
  return target.value !== null || target.op === 'range';
}

/**
 * Reads an actual value against a numeric target: a number in the target's unit (a bare number is
 * taken in it; "190/200" is a share, for 满意度 = satisfied / valid respondents). Throws VALIDATION
 * saying what was expected.
 */
export function readActual(raw: string, target: TargetValue): ActualValue {
  // The reading depends on the text and the target's unit: remembered by those (a city's actuals
  // repeat); refusals are not remembered, their messages name the target.
  // Units are few (a known list plus what people type), each with the texts read in it.
  const byText = numericReadings.remember(target.unit ?? '', () => new BoundedCache(50_000));
  return byText.remember(raw, () => readActualUncached(raw, target));
}

/** Readings of actual values by target unit, then text. */
const numericReadings = new BoundedCache<string, BoundedCache<string, ActualValue>>(1_000);

function readActualUncached(raw: string, target: TargetValue): ActualValue {
  const share = readShare(raw, target);
  if (share) return { kind: 'number', value: share };
  const parsed = rememberedTargetValue(raw);
  if (parsed.op !== '=' || parsed.value === null) {
    throw new AppError(
      'VALIDATION',
      `实际完成值“${raw}”应为一个数值${target.unit ? `（单位：${target.unit}）` : ''}，如“${exampleFor(target)}”`,
    );
  }
  if (parsed.unit !== null && target.unit !== null && canonicalUnit(parsed.unit) !== canonicalUnit(target.unit)) {
    throw new AppError(
      'VALIDATION',
      `实际完成值“${raw}”的单位“${parsed.unit}”与年度指标值“${target.raw}”的单位“${target.unit}”不一致`,
    );
  }
  return { kind: 'number', value: exactValue(raw, parsed.value) };
}

/** "190/200" against a percentage target → 95 (%). */
function readShare(raw: string, target: TargetValue): Rational | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!match || (target.unit !== null && canonicalUnit(target.unit) !== '%')) return null;
  const valid = BigInt(match[2]!);
  if (valid === 0n) throw new AppError('VALIDATION', `实际完成值“${raw}”：有效样本数为 0`);
  return mul(div(rational(BigInt(match[1]!)), rational(valid)), rational(100n));
}

/** The digits as typed, so that 92.35 stays 9235/100 exactly. */
function exactValue(raw: string, value: number): Rational {
  const digits = /-?\d+(?:,\d{3})*(?:\.\d+)?/.exec(
    raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  );
  if (digits) {
    const exact = fromDecimal(digits[0].replace(/,/g, ''));
    if (Number(digits[0].replace(/,/g, '')) === value) return exact;
  }
  return exactNumber(value);
}

function canonicalUnit(unit: string): string {
  return unit === '百分比' ? '%' : unit;
}

function exampleFor(target: TargetValue): string {
  const value = target.value ?? target.max ?? 0;
  return `${value}${target.unit ?? ''}`;
}

const FRACTION = /^\s*(0?\.\d+|1\.0+)\s*$/;

/**
 * A bare 0 < v ≤ 1 with a fractional part ("0.95") against a % target above 1 (≥90%): most likely a
 * share typed for a percentage. The scorer asks (decision 'fraction-of-percent') instead of scoring 0.95 %.
 */
export function isFractionOfPercent(raw: string, target: TargetValue): boolean {
  if (!FRACTION.test(raw) || Number(raw) <= 0) return false;
  if (target.unit === null || canonicalUnit(target.unit) !== '%') return false;
  const value = target.op === 'range' ? target.max : target.value;
  return value != null && value > 1;
}

/** The question the form asks for such an actual: "0.95" → 是否指 95%？ */
export function fractionOfPercentQuestion(actual: string): string {
  return `是否指 ${fractionAsPercent(actual)}%？`;
}

/** Such an actual as a percentage: "0.95" → "95" (decimal digits shifted, no float). */
export function fractionAsPercent(actual: string): string {
  const [whole = '0', fraction = ''] = actual.trim().split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${integer}${rest ? `.${rest}` : ''}`;
}
