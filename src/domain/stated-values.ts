import type { IndicatorDirection, IndicatorNature } from './targets.ts';

/*
 * Values as provincial tables write them (guide §8), read into the model's terms without losing the text.
 */

/** "820001-单位名称", "820001 单位名称", "[820001]单位名称", "单位名称（820001）": the code and the name; code null when none. */
export function splitCodedName(text: string): { code: string | null; name: string } {
  const trimmed = text.trim();
  const folded = trimmed.normalize('NFKC');
  const leading = /^[[【]?(\d[0-9A-Za-z]{2,})[\]】]?\s*[-—–_:、\s]?\s*(\D.*)$/.exec(folded);
  if (leading) return { code: leading[1]!, name: leading[2]!.trim() };
  const trailing = /^(.*\D)\s*[(]\s*(\d[0-9A-Za-z]{2,})\s*[)]$/.exec(folded);
  if (trailing) return { code: trailing[2]!, name: trailing[1]!.trim() };
  return { code: null, name: trimmed };
}

/** 定量 / 定性 (also 量化 / 非量化); undefined for anything else. */
export function readNature(text: string): IndicatorNature | undefined {
  const folded = text.replace(/\s+/g, '');
  if (/^(?:定量|量化|定量指标)$/.test(folded)) return 'quantitative';
  if (/^(?:定性|非量化|定性指标)$/.test(folded)) return 'qualitative';
  return undefined;
}

/** 正向 / 反向, and the ways tables spell them ("越大越好", "正向指标", "逆向"). */
export function readDirection(text: string): IndicatorDirection | undefined {
  const folded = text.replace(/\s+/g, '');
  if (/^(?:正向(?:指标)?|越大越好|越高越好|越多越好|大于等于|≥)$/.test(folded)) return 'positive';
  if (/^(?:反向(?:指标)?|逆向(?:指标)?|越小越好|越低越好|越少越好|小于等于|≤)$/.test(folded)) return 'negative';
  return undefined;
}

/**
 * 指标值 split over columns (运算符 | 指标值 | 度量单位: "≥" "95" "%") joined into one text for the grammar;
 * a unit the value already ends with is not repeated, and a value without a number takes no unit.
 */
export function joinStatedValue(operator: string, value: string, unit: string): string {
  const op = operator.trim();
  const text = value.trim();
  const measure = unit.trim();
  const withOp = op !== '' && !text.startsWith(op) ? `${op}${text}` : text;
  if (measure === '' || withOp === '' || withOp.endsWith(measure) || !/\d/.test(withOp)) return withOp;
  return `${withOp}${measure}`;
}

/**
 * A goal cell split into lines without their numbering: "1、…\n2、…", "目标1：…", "（1）…", and one-line
 * "1.…；2.…" lists.
 */
export function splitGoals(text: string): string[] {
  const numbered = /(?:^|\s|[；;。])(?=(?:目标\s*)?\d+\s*[、.．:：](?!\d)|[（(]\d+[)）])/;
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(numbered))
    .map((line) => line.replace(/^[\s；;]*(?:目标\s*\d+\s*[:：]|\d+\s*[、.．:：](?!\d)|[（(]\d+[)）])\s*/, '').trim())
    .filter((line) => line !== '');
}

/** "2024年度…", "(2024年)": the fiscal year a title states. */
export function statedYear(text: string): number | undefined {
  const match = /((?:19|20)\d{2})\s*年/.exec(text.normalize('NFKC'));
  return match ? Number(match[1]) : undefined;
}
