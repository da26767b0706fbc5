import { type Amount, formatCents, parseAmountToCents } from '../money.ts';

/**
 * 全年执行数 其中 财政拨款 / 其他资金 (the 自评表's money rows, decision 035): the 执行数 itself is the
 * spending ledger's; its split is what the unit enters in the 自评表, and when it enters none, the
 * ledger's own split by source (fiscal / other). Entered figures must add up to the 执行数 exactly.
 */
export interface SpentSplit {
  fiscal: Amount | null;
  other: Amount | null;
  source: 'entered' | 'ledger' | null;
}

export function ledgerSplit(rows: readonly { source: 'fiscal' | 'other'; amount: Amount }[]): SpentSplit {
  if (rows.length === 0) return { fiscal: null, other: null, source: null };
  const sum = (source: 'fiscal' | 'other') =>
    formatCents(
      rows.filter((r) => r.source === source).reduce((total, r) => total + (parseAmountToCents(r.amount) ?? 0n), 0n),
    );
  return { fiscal: sum('fiscal'), other: sum('other'), source: 'ledger' };
}

/** Null when the entered split is consistent, else the message saying why not. */
export function splitProblem(spent: Amount | null, fiscal: Amount | null, other: Amount | null): string | null {
  if (fiscal === null && other === null) return null;
  if (fiscal === null || other === null) return '财政拨款与其他资金须同时填写';
  if (spent === null) return null;
  const total = (parseAmountToCents(fiscal) ?? 0n) + (parseAmountToCents(other) ?? 0n);
  if (total !== parseAmountToCents(spent)) {
    return `财政拨款 ${fiscal} 元与其他资金 ${other} 元之和应等于全年执行数 ${spent} 元`;
  }
  return null;
}
