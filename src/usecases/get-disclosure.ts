import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import type { UnitDisclosure } from '../contract/disclosure.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { latestPackages, loadDisclosureContext } from '../db/disclosure.repo.ts';
import type { Actor } from '../domain/access.ts';
import { mayPublish, packageStatuses } from '../domain/disclosure/status.ts';
import { AppError } from '../domain/errors.ts';

/** The unit's 公开 section: each package's status, why it cannot be published yet, and whether the actor may publish. */
export async function getDisclosure(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number },
): Promise<UnitDisclosure> {
  const key = validateInput(UnitYearInputSchema, input, '公开');
  const context = await loadDisclosureContext(db.kysely, key.unitCode, key.fiscalYear);
  if (!context) throw new AppError('NOT_FOUND', `找不到单位“${key.unitCode}”`, { location: { field: 'unitCode' } });
  const latest = await latestPackages(db.kysely, { kind: 'unit', code: key.unitCode }, key.fiscalYear);
  return {
    unitCode: key.unitCode,
    unitName: context.unitName,
    fiscalYear: key.fiscalYear,
    mayPublish: context.bureau !== null && mayPublish(actor, context.policy),
    publishAt: context.policy.publishAt,
    packages: packageStatuses(
      {
        readiness: context,
        latest,
        policy: context.policy,
        bureauCode: context.bureau?.code ?? null,
        unitCode: key.unitCode,
        year: key.fiscalYear,
      },
      new Date(),
    ),
  };
}
