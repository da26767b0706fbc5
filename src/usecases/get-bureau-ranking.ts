import type { BureauRanking } from '../contract/evaluation.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { listUnitsWithYears } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { parseAmountToCents } from '../domain/money.ts';
import { gradeOf } from '../domain/scoring/index.ts';
import { fromDecimal, rational, toFixed2 } from '../domain/rational.ts';
import { loadEvaluatedYear } from './evaluation-context.ts';
import { scoreEvaluatedYear } from './score-unit-year.ts';
import { visibleUnitCodes } from './visible-units.ts';

type Row = BureauRanking['units'][number];

/**
 * 财政局: every unit the actor may see that has targets for the year, ranked by mean self-evaluation
 * score and, separately, by budget execution; with the distribution of project grades.
 */
export async function getBureauRanking(db: Db, actor: Actor, input: { fiscalYear: number }): Promise<BureauRanking> {
  return inTransaction(db, async (trx) => {
    const visible = await visibleUnitCodes(trx, actor);
    const units = (await listUnitsWithYears(trx)).filter((u) => u.years.includes(input.fiscalYear) && (visible === null || visible.includes(u.code)));
    const distribution = { 优: 0, 良: 0, 中: 0, 差: 0, 未定级: 0 };
    const rows: Omit<Row, 'rank' | 'executionRank'>[] = [];
    for (const unit of units) {
      const year = await loadEvaluatedYear(trx, { unitCode: unit.code, fiscalYear: input.fiscalYear });
      const scored = scoreEvaluatedYear(year);
      // A unit that has not begun its 自评 has no score to rank (0 would read as a failing one).
      const evaluated = year.stored !== null;
      if (evaluated) for (const project of scored.projects) distribution[project.grade ?? '未定级'] += 1;
      const meanScore = evaluated ? scored.meanScore : null;
      rows.push({
        unitCode: unit.code, unitName: unit.name, meanScore,
        grade: meanScore === null || scored.incomplete ? null : gradeOf(fromDecimal(meanScore.toFixed(2)), year.policy),
        incomplete: scored.incomplete, evaluated,
        executionRate: unitExecutionRate(year.money), projects: year.projects.length,
      });
    }
    return { fiscalYear: input.fiscalYear, units: ranked(rows), gradeDistribution: distribution };
  }, 'repeatable read');
}

/** Σ 执行数 / Σ 调整后预算数 over the projects that have both, in percent; null when none has. */
function unitExecutionRate(money: Map<string, { adjustedBudget: string | null; spent: string | null }>): number | null {
  let budget = 0n;
  let spent = 0n;
  for (const entry of money.values()) {
    const b = entry.adjustedBudget === null ? null : parseAmountToCents(entry.adjustedBudget);
    const s = entry.spent === null ? null : parseAmountToCents(entry.spent);
    if (b === null || s === null) continue;
    budget += b;
    spent += s;
  }
  return budget > 0n ? toFixed2(rational(spent * 100n, budget)) : null;
}

/** Competition ranking (1, 2, 2, 4); units without a value come last, unranked. */
function ranked(rows: Omit<Row, 'rank' | 'executionRank'>[]): Row[] {
  const rankBy = (value: (r: (typeof rows)[number]) => number | null) => (r: (typeof rows)[number]) => {
    const own = value(r);
    return own === null ? null : 1 + rows.filter((other) => (value(other) ?? -Infinity) > own).length;
  };
  const byScore = rankBy((r) => r.meanScore);
  const byExecution = rankBy((r) => r.executionRate);
  return rows
    .map((r) => ({ ...r, rank: byScore(r) ?? rows.length, executionRank: byExecution(r) }))
    .sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode));
}
