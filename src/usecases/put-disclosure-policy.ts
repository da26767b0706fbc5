import { z } from 'zod';
import { DisclosurePolicySchema, type StoredDisclosurePolicy } from '../contract/disclosure.ts';
import { validateInput } from '../contract/validate-input.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { readDisclosurePolicy, writeDisclosurePolicy } from '../db/disclosure.repo.ts';
import { managedBureau } from '../db/fiscal-years.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';

const PutPolicyInputSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  orgCode: z.string().trim().min(1).max(64).optional(),
  policy: DisclosurePolicySchema,
  /** The version the form was read at (0: never saved); a stale one is refused (CONFLICT). */
  expectedVersion: z.number().int().min(0),
});

/** Saves the bureau's 公开设置 for `year`: which documents, from when packages are public, whether units publish. */
export async function putDisclosurePolicy(
  db: Db,
  actor: Actor,
  input: z.input<typeof PutPolicyInputSchema>,
): Promise<StoredDisclosurePolicy> {
  const key = validateInput(PutPolicyInputSchema, input, '公开设置');
  return inTransaction(db, async (trx) => {
    const bureau = await managedBureau(trx, actor, key.orgCode);
    const { version: _, ...before } = await readDisclosurePolicy(trx, bureau.id, key.year);
    const version = await writeDisclosurePolicy(
      trx,
      { bureauId: bureau.id, year: key.year, expectedVersion: key.expectedVersion, by: actor.username },
      key.policy,
    );
    if (version === undefined)
      throw new AppError('CONFLICT', '公开设置已被他人修改，请刷新后再保存', {
        location: { field: 'expectedVersion' },
      });
    await recordAudit(trx, actor, {
      action: 'update-disclosure-policy',
      fiscalYear: key.year,
      entity: 'disclosure-policy',
      entityKey: `${bureau.code}/${key.year}`,
      before,
      after: key.policy,
    });
    return { orgCode: bureau.code, year: key.year, policy: key.policy, version };
  });
}
