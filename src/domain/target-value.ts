import { BoundedCache } from './bounded-cache.ts';
import type { TargetOperator, TargetValue } from './targets.ts';

/**
 * The target-value grammar (guide §3): 指标值 are free text, and this reads what it can from them.
 *
 *   value     := band | range | compare | unit-only | qualitative
 *   band      := "±" number unit? ("以内" | "之内")?            → range -n..n
 *   range     := number unit? ("-" | "～" | "~" | "—" | "至" | "到") number unit?  → range a..b
 *   compare   := prefix? number unit? suffix?                 → op from prefix or suffix, "=" when neither
 *   unit-only := a known unit alone ("个")                    → op null, value null, unit kept (a defect to flag)
 *
 * Anything else is qualitative (op, value and unit null). The raw text is always kept as given.
 * Numbers are JS numbers: these are indicator values, not money.
 */
export function parseTargetValue(raw: string): TargetValue {
  const text = canonical(raw);
  if (text === '') return qualitative(raw);
  return (
    readBand(raw, text) ??
    readRange(raw, text) ??
    readComparison(raw, text) ??
    readUnitOnly(raw, text) ??
    qualitative(raw)
  );
}

/**
 * parseTargetValue, remembered (bounded): the review's narrative quantities and the scorer's
 * actuals ask for the same few thousand texts again and again. Callers must not mutate the result.
 */
export function rememberedTargetValue(raw: string): TargetValue {
  return rememberedValues.remember(raw, parseTargetValue);
}

const rememberedValues = new BoundedCache<string, TargetValue>(50_000);

export type TargetKind = 'quantitative' | 'range' | 'qualitative' | 'missing-number' | 'empty';

export function describeTargetKind(t: TargetValue): TargetKind {
  if (t.raw.trim() === '') return 'empty';
  if (t.op === 'range') return 'range';
  if (t.value !== null) return 'quantitative';
  if (t.unit !== null) return 'missing-number';
  return 'qualitative';
}

/**
 * True when a value the grammar could not read still looks like it meant a number ("第一季度完成80%"):
 * importers flag these, while genuine qualitative values ("及时") pass silently.
 */
export function looksUnparsedNumber(t: TargetValue): boolean {
  return describeTargetKind(t) === 'qualitative' && /[0-9０-９]|[≥≤＞＜><=＝]/.test(t.raw);
}

/** Units that may stand alone in a cell; a bare "个" is a number that was never filled in. */
export const KNOWN_UNITS: readonly string[] = [
  '%',
  '‰',
  '百分比',
  '个',
  '人',
  '人次',
  '户',
  '家',
  '次',
  '万元',
  '元',
  '亿元',
  '天',
  '日',
  '个工作日',
  '工作日',
  '年',
  '月',
  '周',
  '小时',
  '分钟',
  '份',
  '项',
  '场',
  '所',
  '件',
  '台',
  '套',
  '篇',
  '期',
  '批',
  '座',
  '处',
  '名',
  '公里',
  '千米',
  '米',
  '平方米',
  '亩',
  '吨',
  '册',
  '本',
  '张',
  '条',
  '分',
  '万人',
  '万人次',
  '元/人',
  '床',
  '辆',
];

const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const RANGE_DASH = String.raw`[-~～—–至到]`;
/** Text after a number that holds no digit, dash or sentence punctuation: a unit, maybe with 以上/以内. */
const TAIL = String.raw`[^\d\s，,。；;：:、（）()\-~～—–至到]*`;
/** A unit is short; and words like 前, 完成, 底 make "月底前完成" a sentence, not a unit. */
const MAX_UNIT_LENGTH = 6;
const NOT_IN_UNIT = /[前后完成底的且或和达及约]/;

const PREFIXES: readonly [string, TargetOperator][] = [
  ['>=', '>='],
  ['<=', '<='],
  ['≥', '>='],
  ['≤', '<='],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
  ['不少于', '>='],
  ['不低于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['达到', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['最多', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['等于', '='],
];

const SUFFIXES: readonly [string, TargetOperator][] = [
  ['及以上', '>='],
  ['或以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['或以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['内', '<='],
];

/**
 * Full-width forms are folded so that "≥９０％" and "＞＝90%" read like "≥90%"; spaces inside a value carry
 * no meaning ("≥ 90 %"), and a closing full stop is punctuation, not part of the unit.
 */
function canonical(raw: string): string {
  // Most values ("≥90%", "100人") hold nothing to fold: answered by two tests instead of twelve passes.
  if (!NEEDS_FOLDING.test(raw) && !TRAILING_STOP.test(raw)) return raw;
  return raw
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/．/g, '.')
    .replace(/，(?=\d{3})/g, ',')
    .replace(/＞＝|≧|>=|=>/g, '>=')
    .replace(/＜＝|≦|<=|=</g, '<=')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<')
    .replace(/＝/g, '=')
    .replace(/[－]/g, '-')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[。；;.]+$/, '');
}

// Compiled once (importing and scoring a city read hundreds of thousands of values).
const BAND = new RegExp(String.raw`^(?:±|\+-|\+/-)(${NUMBER})(${TAIL})$`);
const RANGE = new RegExp(String.raw`^(${NUMBER})(${TAIL})${RANGE_DASH}(${NUMBER})(${TAIL})$`);
const COMPARISON = new RegExp(String.raw`^(-?${NUMBER})(${TAIL})$`);

/** Every character or pair one of canonical's replacements changes (">=" and "<=" stay as they are). */
const NEEDS_FOLDING = /[０-９％．，＞＜＝≧≦－\s\u3000]|=>|=</;
const TRAILING_STOP = /[。；;.]$/;

function readBand(raw: string, text: string): TargetValue | null {
  const match = BAND.exec(text);
  if (!match) return null;
  const unit = stripSuffix(match[2]!, ['以内', '之内', '内']);
  if (!isUnit(unit)) return null;
  const size = toNumber(match[1]!);
  return { raw, op: 'range', value: null, unit: unitOrNull(unit), min: -size, max: size };
}

function readRange(raw: string, text: string): TargetValue | null {
  const match = RANGE.exec(text);
  if (!match) return null;
  const [, low, lowUnit = '', high, highUnit = ''] = match;
  // "1万元-2万元" repeats the unit; "1个-2家" names two different things and is not a range.
  if (lowUnit !== '' && highUnit !== '' && lowUnit !== highUnit) return null;
  const unit = highUnit || lowUnit;
  const min = toNumber(low!);
  const max = toNumber(high!);
  if (!isUnit(unit) || min > max) return null;
  return { raw, op: 'range', value: null, unit: unitOrNull(unit), min, max };
}

function readComparison(raw: string, text: string): TargetValue | null {
  const prefix = PREFIXES.find(([word]) => text.startsWith(word));
  const rest = prefix ? text.slice(prefix[0].length) : text;
  const match = COMPARISON.exec(rest);
  if (!match) return null;
  const tail = match[2]!;
  const suffix = SUFFIXES.find(([word]) => tail.endsWith(word));
  const unit = suffix ? tail.slice(0, -suffix[0].length) : tail;
  const op = combine(prefix?.[1], suffix?.[1]);
  if (op === null || !isUnit(unit)) return null;
  return { raw, op, value: toNumber(match[1]!), unit: unitOrNull(unit) };
}

function isUnit(text: string): boolean {
  return text.length <= MAX_UNIT_LENGTH && !NOT_IN_UNIT.test(text);
}

/** "≥95%以上" says the same thing twice; "≤90%以上" contradicts itself and is left unread. */
function combine(prefix: TargetOperator | undefined, suffix: TargetOperator | undefined): TargetOperator | null {
  if (prefix === undefined) return suffix ?? '=';
  if (suffix === undefined) return prefix;
  const up = (op: TargetOperator) => op === '>=' || op === '>';
  const down = (op: TargetOperator) => op === '<=' || op === '<';
  if ((up(prefix) && up(suffix)) || (down(prefix) && down(suffix))) return prefix;
  return null;
}

function readUnitOnly(raw: string, text: string): TargetValue | null {
  return KNOWN_UNITS.includes(text) ? { raw, op: null, value: null, unit: text } : null;
}

function qualitative(raw: string): TargetValue {
  return { raw, op: null, value: null, unit: null };
}

function stripSuffix(text: string, suffixes: readonly string[]): string {
  const found = suffixes.find((suffix) => text.endsWith(suffix));
  return found ? text.slice(0, -found.length) : text;
}

function unitOrNull(unit: string): string | null {
  const trimmed = unit.trim();
  return trimmed === '' ? null : trimmed;
}

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}
