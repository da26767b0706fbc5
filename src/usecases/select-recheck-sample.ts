import { z } from 'zod';
import { type SampleResult, SelectSampleBodySchema } from '../contract/evaluation.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudits } from '../db/audit.repo.ts';
import { unitsDecidedByUnion } from '../db/approval-chain.repo.ts';
import type { Db } from '../db/database.ts';
import { loadEvaluatedYear, scoreEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { insertSample, markForRecheck, unitYearsAt } from '../db/evaluation-procedure.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { assertStep } from '../domain/evaluation/procedure.ts';
import { type SampleCandidate, selectSample } from '../domain/evaluation/sample.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';

/**
 * The bureau's side of a year's 自评 (财预〔2020〕10号 复核, decision 035): draw the sample to re-check
 * among the department-reviewed unit-years it may see (seeded random share or documented rules; the
 * draw is recorded so it can be reproduced), and finalise the unselected ones in one batch.
 */

const YearSchema = z.object({ fiscalYear: z.number().int().min(1990).max(2100) });
const SampleInputSchema = z.intersection(YearSchema, SelectSampleBodySchema);

export async function selectRecheckSample(
  db: Db,
  actor: Actor,
  input: z.input<typeof SampleInputSchema>,
): Promise<SampleResult> {
  const parsed = validateInput(SampleInputSchema, input, '复核抽样');
  assertStep('select', 'reviewed', actor.role);
  return inTransaction(db, async (trx) => {
    const all = await unitYearsAt(trx, parsed.fiscalYear, unitScopeOf(actor), 'reviewed', false);
    // A unit whose superior union decides alone (decision 049) is not the bureau's to re-check.
    const byUnion = await unitsDecidedByUnion(trx, all);
    const codes = all.filter((code) => !byUnion.has(code));
    const candidates: SampleCandidate[] = [];
    for (const unitCode of codes) {
      const year = await loadEvaluatedYear(trx, { unitCode, fiscalYear: parsed.fiscalYear });
      const scored = scoreEvaluatedYear(year);
      candidates.push({
        unitCode,
        meanScore: scored.meanScore,
        projects: scored.projects.map((p) => ({ grade: p.grade, executionRate: p.execution.rate })),
      });
    }
    const { fiscalYear, ...how } = parsed;
    const selected = selectSample(candidates, how);
    const id = await insertSample(trx, {
      fiscalYear,
      method: how.method,
      parameters: how,
      selected,
      createdBy: actor.username,
    });
    await markForRecheck(trx, fiscalYear, selected);
    await recordAudits(
      trx,
      actor,
      selected.map((unitCode) => ({
        action: 'select-evaluation-recheck',
        unitCode,
        fiscalYear,
        entity: 'evaluation',
        entityKey: `${unitCode}/${fiscalYear}`,
        after: { sample: id, ...how },
      })),
    );
    return { id, fiscalYear, candidates: candidates.length, selected };
  });
}
