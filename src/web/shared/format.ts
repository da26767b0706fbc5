import { formatCents, parseAmountToCents } from '../../domain/money.ts';
import type { Project } from '../../contract/targets.ts';

/** "20000.00" → "20,000.00": pure text work, an amount never passes through a float. */
export function formatYuan(amount: string | null): string {
  if (amount === null || amount === '') return '';
  const cents = parseAmountToCents(amount);
  if (cents === null) return amount;
  const [whole = '0', fraction = '00'] = formatCents(cents).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
}

/** Spending-plan share as the official tables print it: "60.00"; empty stays empty. */
export function formatPercent(value: number | null): string {
  return value === null ? '' : value.toFixed(2);
}

export interface BudgetTotals {
  total: string;
  fiscal: string;
  other: string;
}

/** Exact sums in 元 (BigInt 分 inside); an unreadable amount counts as nothing rather than as NaN. */
export function budgetTotals(projects: Project[]): BudgetTotals {
  const sum = (pick: (p: Project) => string | null) =>
    formatCents(projects.reduce((acc, p) => acc + (parseAmountToCents(pick(p) ?? '') ?? 0n), 0n));
  return { total: sum((p) => p.budget.total), fiscal: sum((p) => p.budget.fiscal), other: sum((p) => p.budget.other) };
}
