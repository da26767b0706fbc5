import { type NewOrgBody, NewOrgBodySchema, type OrgNode } from '../contract/organisations.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { findOrgNodes, insertOrganisation, insertUnit } from '../db/organisations.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { placementProblem } from '../domain/org-tree.ts';
import { nodeView, requireOrgNode, requirePlacement } from '../db/org-nodes.repo.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * Adds a bureau (administrators only), a department under a bureau, or a unit under a department or
 * bureau. The code must be new among organisations and units alike, so a code names one node.
 */
export async function createOrganisation(db: Db, actor: Actor, input: NewOrgBody): Promise<OrgNode> {
  const body = validateInput(NewOrgBodySchema, input, '机构');
  return inTransaction(db, async (trx) => {
    if ((await findOrgNodes(trx, body.code)).length > 0) {
      throw new AppError('CONFLICT', `编码“${body.code}”已被使用`, {
        location: { field: 'code' },
        details: { reason: 'organisations.code-taken', code: body.code },
      });
    }
    const { parent } = await requirePlacement(trx, actor, body.parentCode, body.code);
    const problem = placementProblem(body.kind, parent?.kind ?? null);
    if (problem !== null) throw new AppError('VALIDATION', problem, { location: { field: 'parentCode' } });
    if (body.kind === 'unit' && body.orgType !== undefined) {
      throw new AppError('VALIDATION', '预算单位没有机构类型：类型设在其上级主管部门（如上级工会）上', {
        location: { field: 'orgType' },
        details: { reason: 'organisations.unit-no-type' },
      });
    }
    if (body.kind === 'unit') {
      await insertUnit(trx, { code: body.code, name: body.name, parentId: parent!.id });
    } else {
      await insertOrganisation(trx, {
        code: body.code,
        name: body.name,
        kind: body.kind,
        parentId: parent?.id ?? null,
        ...(body.orgType === undefined ? {} : { orgType: body.orgType }),
      });
    }
    const created = nodeView(await requireOrgNode(trx, body.code));
    await recordAudit(trx, actor, {
      action: 'create-organisation',
      unitCode: body.kind === 'unit' ? body.code : null,
      entity: 'organisation',
      entityKey: body.code,
      after: created,
    });
    return created;
  });
}
