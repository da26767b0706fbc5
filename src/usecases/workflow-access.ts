import { TargetsDocumentSchema } from '../contract/targets.ts';
import { findDocument } from '../db/documents.repo.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import { loadProjects } from '../db/projects.repo.ts';
import type { Executor } from '../db/schema.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { isInOrganisation } from '../domain/permissions.ts';
import { TARGETS_FORMAT, type TargetsDocument } from '../domain/targets.ts';
import { targetsNotFound } from './project-access.ts';

/** The lookups every workflow use-case shares: the actor's reach and the document as a whole. */

interface UnitYear {
  unitCode: string;
  fiscalYear: number;
}

/**
 * Refuses an actor outside the unit's organisation (the HTTP hook checks it too; use-cases are also
 * called directly) and tells whether the unit has a supervising department (else the bureau reviews alone).
 */
export async function requireUnitReach(db: Executor, actor: Actor, unitCode: string): Promise<{ hasDepartment: boolean }> {
  const ancestors = await ancestorsOfUnit(db, unitCode);
  if (!isInOrganisation(actor, { unitCode, unitAncestors: ancestors.map((a) => a.code) })) {
    throw new AppError('FORBIDDEN', `您（${actor.username}）无权处理单位 ${unitCode} 的绩效目标`);
  }
  return { hasDepartment: ancestors.some((a) => a.kind === 'department') };
}

/** The unit-year's document in the exchange format, as a version snapshot keeps it. */
export async function readWholeDocument(db: Executor, key: UnitYear): Promise<{ id: number; version: number; document: TargetsDocument }> {
  const stored = await findDocument(db, key.unitCode, key.fiscalYear);
  if (!stored) throw targetsNotFound(key);
  const projects = await loadProjects(db, stored.id);
  const document: TargetsDocument = {
    format: TARGETS_FORMAT,
    unit: stored.unit,
    fiscalYear: key.fiscalYear,
    overall: stored.overall,
    projects: projects.map(({ project }) => project),
  };
  return { id: stored.id, version: stored.version, document };
}

/** A stored snapshot read back through the exchange-format schema (restores key order, checks shape). */
export function parseSnapshot(snapshot: unknown): TargetsDocument {
  return TargetsDocumentSchema.parse(snapshot);
}
