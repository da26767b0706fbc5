import { z } from 'zod';
import type { DisclosureOverview } from '../contract/disclosure.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { latestPackages, listDisclosureUnits, readDisclosurePolicy } from '../db/disclosure.repo.ts';
import { managedBureau } from '../db/fiscal-years.repo.ts';
import type { Actor } from '../domain/access.ts';
import { mayPublish, packageStatuses, publicPath } from '../domain/disclosure/status.ts';

const ListInputSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  orgCode: z.string().trim().min(1).max(64).optional(),
});

/**
 * The bureau's 信息公开 page: every unit with targets in `year` × its two packages (status, why not yet, the public
 * address), under the actor's bureau (the administrator names one, or means the only one).
 */
export async function listDisclosure(
  db: Db,
  actor: Actor,
  input: z.input<typeof ListInputSchema>,
): Promise<DisclosureOverview> {
  const key = validateInput(ListInputSchema, input, '公开列表');
  const bureau = await managedBureau(db.kysely, actor, key.orgCode);
  const scope = { kind: 'organisation' as const, code: bureau.code };
  const policy = await readDisclosurePolicy(db.kysely, bureau.id, key.year);
  const units = await listDisclosureUnits(db.kysely, scope, key.year);
  const latest = await latestPackages(db.kysely, scope, key.year);
  const now = new Date();
  return {
    orgCode: bureau.code,
    year: key.year,
    publicIndexPath: publicPath(bureau.code, key.year),
    units: units.map((unit) => ({
      unitCode: unit.unitCode,
      unitName: unit.unitName,
      fiscalYear: key.year,
      mayPublish: mayPublish(actor, policy),
      publishAt: policy.publishAt,
      packages: packageStatuses(
        {
          readiness: unit,
          latest: latest.filter((p) => p.unitCode === unit.unitCode),
          policy,
          bureauCode: bureau.code,
          unitCode: unit.unitCode,
          year: key.year,
        },
        now,
      ),
    })),
  };
}
