import type { Db } from '../db/database.ts';
import { listUnitsWithYears } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import type { WarningLevel } from '../domain/monitoring/policy.ts';
import { getUnitMonitoring } from './get-monitoring.ts';
import { visibleUnitCodes } from './visible-units.ts';

export interface UnitMonitoringSummary {
  unitCode: string;
  unitName: string;
  budget: string;
  spentToDate: string;
  executionRate: string | null;
  asOfMonth: number;
  warningCounts: Record<WarningLevel, number>;
  openWarnings: number;
}

/**
 * The bureau's view of a year: every unit the actor may see that has targets that year, with its
 * execution rate and warnings by level, ranked by execution (lowest first: who needs attention).
 */
export async function getBureauMonitoring(
  db: Db,
  input: { fiscalYear: number; actor: Actor; asOfMonth?: number; today?: string },
): Promise<{ fiscalYear: number; units: UnitMonitoringSummary[] }> {
  const codes = await visibleUnitCodes(db.kysely, input.actor);
  const visible = codes === null ? null : new Set(codes);
  const units = (await listUnitsWithYears(db.kysely)).filter((u) => u.years.includes(input.fiscalYear) && (visible === null || visible.has(u.code)));
  const summaries: UnitMonitoringSummary[] = [];
  for (const unit of units) {
    const m = await getUnitMonitoring(db, { unitCode: unit.code, fiscalYear: input.fiscalYear, asOfMonth: input.asOfMonth, today: input.today });
    summaries.push({
      unitCode: unit.code,
      unitName: m.unit.name,
      budget: m.totals.budget,
      spentToDate: m.totals.spentToDate,
      executionRate: m.totals.executionRate,
      asOfMonth: m.asOfMonth,
      warningCounts: m.warningCounts,
      openWarnings: m.warnings.filter((w) => w.followUp.state !== 'closed').length,
    });
  }
  summaries.sort((a, b) => Number(a.executionRate ?? 0) - Number(b.executionRate ?? 0) || a.unitCode.localeCompare(b.unitCode));
  return { fiscalYear: input.fiscalYear, units: summaries };
}

