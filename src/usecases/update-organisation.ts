import { z } from 'zod';
import { OrgCodeSchema } from '../contract/codes.ts';
import { type OrgNode, type OrgPatchBody, OrgPatchBodySchema } from '../contract/organisations.ts';
import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { countActiveChildren, markSummariesUnderStale, updateOrgNodeIfVersion } from '../db/organisations.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { placementProblem } from '../domain/org-tree.ts';
import type { OrgType } from '../domain/workflow/chain.ts';
import { type FoundNode, assertMayManage, nodeView, requireOrgNode, requirePlacement } from '../db/org-nodes.repo.ts';
import { ExpectedVersionInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * Renames, moves (re-parents) and/or deactivates or reactivates a node, if it is still at the version
 * the caller read (else CONFLICT, nothing changed). A move keeps the tree's shape (placementProblem)
 * and refuses a cycle; deactivating needs the node's children deactivated or moved first, and
 * reactivating an active parent; a deactivated node keeps its data and history. One audit entry.
 */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  input: { code: string; expectedVersion: number; patch: OrgPatchBody },
): Promise<OrgNode> {
  const code = validateInput(z.object({ code: OrgCodeSchema }), input, '机构编码').code;
  const { expectedVersion } = validateInput(ExpectedVersionInputSchema, input, '版本号');
  const patch = validateInput(OrgPatchBodySchema, input.patch, '机构修改');
  return inTransaction(db, async (trx) => {
    const node = await requireOrgNode(trx, code);
    await assertMayManage(trx, actor, node);
    if (node.version !== expectedVersion) throw stale(node, expectedVersion);
    const parentId = await newParentId(trx, actor, node, patch.parentCode);
    const active = patch.active ?? node.active;
    // A new parent was checked active by newParentId; otherwise the current one is checked here.
    if (active !== node.active) await checkActivation(trx, node, active, parentId !== node.parentId);
    const name = patch.name ?? node.name;
    const orgType = typeChange(node, patch.orgType);
    const departmentOwn = ownChange(node, patch.departmentOwn);
    const change = { name, parentId, active, orgType, departmentOwn };
    const version = await updateOrgNodeIfVersion(trx, node, change, expectedVersion);
    if (version === undefined) throw stale(node, expectedVersion);
    const after = nodeView(await requireOrgNode(trx, code));
    const moved = after.parentCode !== node.parentCode;
    if ((moved || after.orgType !== node.orgType) && node.kind !== 'unit') await markSummariesUnderStale(trx, code);
    await recordAudit(trx, actor, {
      action: auditAction(node, after),
      unitCode: node.kind === 'unit' ? code : null,
      entity: 'organisation',
      entityKey: code,
      before: nodeView(node),
      after,
    });
    return after;
  });
}

/** The parent id after the patch: unchanged, or a checked new parent. */
async function newParentId(
  trx: Executor,
  actor: Actor,
  node: FoundNode,
  parentCode: string | null | undefined,
): Promise<number | null> {
  if (parentCode === undefined || parentCode === node.parentCode) return node.parentId;
  const { parent, chain } = await requirePlacement(trx, actor, parentCode, node.code);
  const problem = placementProblem(node.kind, parent?.kind ?? null);
  if (problem !== null) throw new AppError('VALIDATION', problem, { location: { field: 'parentCode' } });
  // The kinds alone rule out a cycle today; the check stays so a deeper tree cannot loop.
  if (chain.includes(node.code)) {
    throw new AppError('VALIDATION', `不能把“${node.code}”移到它自己或它的下级之下`, {
      location: { field: 'parentCode' },
      details: { reason: 'organisations.move-under-self', code: node.code },
    });
  }
  return parent?.id ?? null;
}

/** A unit has no type (its organisation's decides its chain); a bureau's or department's may change. */
function typeChange(node: FoundNode, orgType: OrgType | undefined): OrgType | null {
  if (orgType === undefined) return node.orgType;
  if (node.kind === 'unit') {
    throw new AppError('VALIDATION', '预算单位没有机构类型：类型设在其上级主管部门（如上级工会）上', {
      location: { field: 'orgType' },
      details: { reason: 'organisations.unit-no-type' },
    });
  }
  return orgType;
}

/**
 * 部门本级 is a unit's flag (decision 049): its department reviews it as its own (stage `self`, then the bureau).
 * Units only; a unit directly under the bureau has no department to be the own unit of.
 */
function ownChange(node: FoundNode, departmentOwn: boolean | undefined): boolean | null {
  if (departmentOwn === undefined) return node.departmentOwn;
  if (node.kind !== 'unit') {
    throw new AppError('VALIDATION', '只有预算单位可以标为部门本级', {
      location: { field: 'departmentOwn' },
      details: { reason: 'organisations.own-not-unit' },
    });
  }
  return departmentOwn;
}

async function checkActivation(trx: Executor, node: FoundNode, active: boolean, moved: boolean): Promise<void> {
  if (!active && node.kind !== 'unit' && (await countActiveChildren(trx, node.id)) > 0) {
    throw new AppError('VALIDATION', `“${node.code}”之下还有未停用的机构或单位：请先停用或移走它们`, {
      location: { field: 'active' },
      details: { reason: 'organisations.active-children', code: node.code },
    });
  }
  if (active && !moved && node.parentCode !== null && !(await requireOrgNode(trx, node.parentCode)).active) {
    throw new AppError('VALIDATION', `上级“${node.parentCode}”已停用：请先启用上级`, {
      location: { field: 'active' },
      details: { reason: 'organisations.parent-inactive', code: node.parentCode },
    });
  }
}

function stale(node: FoundNode, expectedVersion: number): AppError {
  return new AppError(
    'CONFLICT',
    `“${node.code}”已被他人修改（当前版本 ${node.version}，您读取的是 ${expectedVersion}），请刷新后重试`,
    {
      location: { field: 'If-Match' },
    },
  );
}

function auditAction(before: OrgNode, after: OrgNode): string {
  const changes = [
    before.name !== after.name ? 'rename-organisation' : null,
    before.parentCode !== after.parentCode ? 'move-organisation' : null,
    before.active !== after.active ? (after.active ? 'activate-organisation' : 'deactivate-organisation') : null,
    before.orgType !== after.orgType ? 'update-organisation' : null,
    before.departmentOwn !== after.departmentOwn ? 'update-organisation' : null,
  ].filter((change) => change !== null);
  return changes.length === 1 ? changes[0]! : 'update-organisation';
}
