import { AppError } from './errors.ts';

/**
 * Money is held as integer 分 (bigint) in arithmetic and as a decimal string in 元 with two
 * decimals ("20000.00") at every edge. Binary floats never touch an amount.
 */
export type Amount = string;

const AMOUNT_TEXT = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Accepts "20000", "20000.5", "20,000.00" (thousands separators are common in Word tables). */
export function parseAmountToCents(text: string): bigint | null {
  // Stored amounts are already plain ("20000.00"): read as they are before cleaning a copy.
  const match = AMOUNT_TEXT.exec(text) ?? AMOUNT_TEXT.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const cents = BigInt(`${whole!}${fraction.padEnd(2, '0')}`);
  return sign ? -cents : cents;
}

export function formatCents(cents: bigint): Amount {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Normalises any accepted amount text to the canonical "0.00" form, or throws VALIDATION. */
export function normaliseAmount(text: string, field = 'amount'): Amount {
  const cents = parseAmountToCents(text);
  if (cents === null) {
    throw new AppError('VALIDATION', `金额格式不正确：“${text}”（应为元，最多两位小数）`, { location: { field } });
  }
  return formatCents(cents);
}

export function isCanonicalAmount(text: string): boolean {
  return /^-?\d{1,15}\.\d{2}$/.test(text);
}

export function addAmounts(...amounts: (Amount | null)[]): Amount {
  let total = 0n;
  for (const amount of amounts) {
    if (amount === null) continue;
    const cents = parseAmountToCents(amount);
    if (cents === null) throw new AppError('VALIDATION', `金额格式不正确：“${amount}”`);
    total += cents;
  }
  return formatCents(total);
}
