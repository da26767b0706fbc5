import { BoundedCache } from '../bounded-cache.ts';
import { KNOWN_UNITS, rememberedTargetValue } from '../target-value.ts';
import type { OverallTargets, TargetValue } from '../targets.ts';

/**
 * Quantities written into narrative goals ("参赛单位达到60家，参赛职工不少于2000人") are targets
 * in disguise. Each becomes a candidate indicator: a name from the words around the number, the
 * target as written plus what the grammar reads from it, and the sentence it came from.
 */
export interface NarrativeIndicator {
  name: string;
  target: TargetValue;
  sentence: string;
  /** Index into overall.goals (the path is ['overall', 'goals', goalIndex]). */
  goalIndex: number;
}

export interface NarrativeQuantity {
  name: string;
  target: TargetValue;
  sentence: string;
}

export function extractNarrativeIndicators(overall: OverallTargets): NarrativeIndicator[] {
  return overall.goals.flatMap((goal, goalIndex) =>
    extractQuantities(goal.detail ?? goal.title).map((quantity) => ({ ...quantity, goalIndex })),
  );
}

const OPERATOR_WORDS = [
  '不少于',
  '不低于',
  '不小于',
  '不高于',
  '不超过',
  '不大于',
  '不多于',
  '达到',
  '至少',
  '超过',
  '高于',
  '低于',
  '少于',
  '≥',
  '≤',
  '＞',
  '＜',
  '>',
  '<',
];
const UNITS = [...KNOWN_UNITS].filter((unit) => unit !== '分').sort((a, b) => b.length - a.length);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const QUANTITY = new RegExp(
  String.raw`(\d+(?:\.\d+)?(?:[-~～—至到]\d+(?:\.\d+)?)?)(${UNITS.map(escape).join('|')})(及以上|以上|以下|以内)?`,
  'g',
);
/** Words in front of a subject that say how hard, not what: "全年要争取培树…" → "培树…". */
const LEADING_FILLER = /^(?:全年|今年|年内|要|应|须|将|争取|力争|确保|努力|其中|并|且|使|让)+/;
const TRAILING_FILLER = /(?:应|要|须|将|需|均|都|要求)+$/;

/**
 * Every quantity in a text; years ("2019年") and ordinals ("第8期") are not targets. Goals are
 * pasted from year to year and unit to unit, so readings are remembered by text (bounded); the
 * list is frozen, as it is shared.
 */
export function extractQuantities(text: string): readonly NarrativeQuantity[] {
  // Every quantity starts with an ASCII digit: most goals have none, and cost nothing then.
  if (!HAS_DIGIT.test(text)) return NO_QUANTITIES;
  return quantities.remember(text, readQuantities);
}

const NO_QUANTITIES: readonly NarrativeQuantity[] = Object.freeze([]);
const quantities = new BoundedCache<string, readonly NarrativeQuantity[]>(20_000);

function readQuantities(text: string): readonly NarrativeQuantity[] {
  const found: NarrativeQuantity[] = [];
  for (const sentence of splitOutsideBrackets(text, /[。；;！？!?]/)) {
    for (const clause of splitOutsideBrackets(sentence, /[，,]/)) {
      for (const match of maskDates(clause).matchAll(QUANTITY)) {
        const quantity = readQuantity(clause, match);
        if (quantity) found.push({ ...quantity, sentence: `${sentence.trim()}。` });
      }
    }
  }
  return Object.freeze(found);
}

const HAS_DIGIT = /\d/;
const DATE = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日|底|末|份)?/g;

/** Dates ("2019年5月1日", "6月底") are times, not quantities: blanked out, same length, before matching. */
function maskDates(text: string): string {
  return text.replace(DATE, (date) => '□'.repeat(date.length));
}

function readQuantity(clause: string, match: RegExpMatchArray): Omit<NarrativeQuantity, 'sentence'> | null {
  const [whole, number, unit, suffix = ''] = match;
  const start = match.index!;
  if (clause[start - 1] === '第' || /^\d/.test(clause.slice(start - 1, start))) return null;
  const before = clause.slice(0, start);
  const after = clause.slice(start + whole.length);
  const operator = lastOperator(before);
  // "不低于总支出的50%": a short filler ending in 的 may sit between the operator and the number.
  const filler = operator ? before.slice(operator.end) : '';
  const usable = operator && (filler === '' || (filler.length <= 8 && filler.endsWith('的')));
  const subject = usable ? before.slice(0, operator.start) : before;
  const name = cleanName(`${subject}${after}`);
  if (name === '') return null;
  const opWord = usable ? operator.word : '';
  const raw = `${opWord}${filler}${number}${unit}${suffix}`;
  const parsed = rememberedTargetValue(`${opWord}${number}${unit}${suffix}`);
  return { name, target: { ...parsed, raw } };
}

function lastOperator(text: string): { word: string; start: number; end: number } | null {
  let best: { word: string; start: number; end: number } | null = null;
  for (const word of OPERATOR_WORDS) {
    const start = text.lastIndexOf(word);
    const end = start + word.length;
    // "不少于" and "少于" end at the same place: the longer word is the one written.
    if (start >= 0 && (best === null || end > best.end || (end === best.end && start < best.start)))
      best = { word, start, end };
  }
  return best;
}

function cleanName(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[“”"'‘’《》\s]/g, '')
    .replace(LEADING_FILLER, '')
    .replace(TRAILING_FILLER, '')
    .trim();
}

/** Splits on separators that are not inside （…）, so "（甲、乙，丙）" stays one piece. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const part = text.slice(start, end);
    if (part.trim() !== '') parts.push(part);
  };
  // Every bracket and separator is a single UTF-16 unit, so indexing by unit is safe here.
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '（' || char === '(') depth += 1;
    else if ((char === '）' || char === ')') && depth > 0) depth -= 1;
    else if (depth === 0 && separator.test(char)) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return parts;
}
