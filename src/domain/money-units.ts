import { formatCents, parseAmountToCents } from './money.ts';
import type { Amount } from './money.ts';

/**
 * The money units tables state (guide §8: most say 单位：万元): an amount as written in one of them, converted to
 * the model's 元 exactly. Digits are shifted as text and counted in bigint 分 — "12.5" 万元 is 12500000 分 — so no
 * binary float ever rounds a budget.
 */
export type MoneyUnit = '元' | '千元' | '万元';

/** Powers of ten from the unit to 分. */
const TO_CENTS: Readonly<Record<MoneyUnit, number>> = { 元: 2, 千元: 5, 万元: 6 };

export type StatedAmount =
  /** An empty cell, or one of the dashes tables put where nothing applies. */
  | { kind: 'empty' }
  | { kind: 'amount'; amount: Amount }
  /** Not a number. */
  | { kind: 'unreadable' }
  /** A number finer than 1 分 once converted ("0.0000001" 万元): refused rather than rounded. */
  | { kind: 'too-precise' };

const EMPTY = /^(?:|[-—–－/／\\、]+|无)$/;
const NUMBER = /^([-－])?(\d+)(?:\.(\d+))?$/;

/** Reads "1,234.56", "12.5", "12.5万元" (a unit written in the cell wins over the table's). */
export function readStatedAmount(text: string, tableUnit: MoneyUnit): StatedAmount {
  let cleaned = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (EMPTY.test(cleaned)) return { kind: 'empty' };
  let unit = tableUnit;
  // "12.5万" as typed in a cell means 万元 (and "3千" 千元), whatever the table's unit.
  const written = /(千元|万元|元|万|千)$/.exec(cleaned);
  if (written) {
    unit = (written[1]!.endsWith('元') ? written[1] : `${written[1]}元`) as MoneyUnit;
    cleaned = cleaned.slice(0, -written[1]!.length);
  }
  const match = NUMBER.exec(cleaned);
  if (!match) return { kind: 'unreadable' };
  const [, sign, whole, fraction = ''] = match;
  const shift = TO_CENTS[unit] - fraction.length;
  let digits = `${whole!}${fraction}`;
  if (shift >= 0) digits += '0'.repeat(shift);
  else {
    const dropped = digits.slice(shift);
    if (/[^0]/.test(dropped)) return { kind: 'too-precise' };
    digits = digits.slice(0, shift);
  }
  const cents = BigInt(digits);
  return { kind: 'amount', amount: formatCents(sign ? -cents : cents) };
}

/** "单位：万元", "金额单位：元", "（万元）" in a label: the unit a text states, or null. */
export function statedMoneyUnit(text: string): MoneyUnit | null {
  const folded = text.normalize('NFKC').replace(/\s+/g, '');
  const match = /(?:单位|金额单位|货币单位)[:]?(千元|万元|元)/.exec(folded) ?? /[([](千元|万元|元)[)\]]/.exec(folded);
  return match ? (match[1] as MoneyUnit) : null;
}

/**
 * An amount in 元 as a form in `unit` prints it, exactly: "125000.00" 元 is "12.5" 万元 and "125" 千元; 元 keeps its
 * two decimals as the seed prints them. Trailing zeros of the fraction are dropped, never digits rounded away.
 */
export function amountInUnit(amount: Amount, unit: MoneyUnit): string {
  if (unit === '元') return amount;
  const cents = parseAmountToCents(amount);
  if (cents === null) return amount;
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(TO_CENTS[unit] + 1, '0');
  const whole = digits.slice(0, -TO_CENTS[unit]);
  const fraction = digits.slice(-TO_CENTS[unit]).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}
