import { TargetsDocumentSchema } from '../contract/targets.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { isInOrganisation } from '../domain/permissions.ts';
import type { TargetsDocument } from '../domain/targets.ts';

/** What every workflow use-case shares: the actor's reach and reading stored snapshots back (the current document: get-targets.ts). */

/**
 * Refuses an actor outside the unit's organisation (the HTTP hook checks it too; use-cases are also
 * called directly) and tells whether the unit has a supervising department (else the bureau reviews alone).
 */
export async function requireUnitReach(
  db: Executor,
  actor: Actor,
  unitCode: string,
): Promise<{ hasDepartment: boolean }> {
  const ancestors = await ancestorsOfUnit(db, unitCode);
  if (!isInOrganisation(actor, { unitCode, unitAncestors: ancestors.map((a) => a.code) })) {
    throw new AppError('FORBIDDEN', `您（${actor.username}）无权处理单位 ${unitCode} 的绩效目标`);
  }
  return { hasDepartment: ancestors.some((a) => a.kind === 'department') };
}

/** A stored snapshot read back through the exchange-format schema (restores key order, checks shape). */
export function parseSnapshot(snapshot: unknown): TargetsDocument {
  return TargetsDocumentSchema.parse(snapshot);
}
