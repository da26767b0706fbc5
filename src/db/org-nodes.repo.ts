import type { Actor } from '../domain/access.ts';
import { notFound } from '../domain/not-found.ts';
import { AppError } from '../domain/errors.ts';
import { mayManageNode, mayPlaceUnder } from '../domain/org-tree.ts';
import { isInOrganisation } from '../domain/permissions.ts';
import { type OrgNodeRow, ancestorsOfUnit, findOrgNodes, organisationChain } from './organisations.repo.ts';
import { type ApprovalChain, type ChainShape, chainShape } from '../domain/workflow/chain.ts';
import { approvalChainOfUnit } from './approval-chain.repo.ts';
import type { Executor } from './schema.ts';

/**
 * The lookups the organisation-tree writes start with (decision 020): a node by code, its chain of
 * organisations up to the root, and the refusals the domain's rules (src/domain/org-tree.ts) give
 * for that chain, in the same words for creating and for updating.
 */

export type FoundNode = OrgNodeRow & { parentId: number | null };

/** The node with this code, or NOT_FOUND; CONFLICT when (old data) a unit and an organisation share it. */
export async function requireOrgNode(trx: Executor, code: string, field = 'code'): Promise<FoundNode> {
  const nodes = await findOrgNodes(trx, code);
  if (nodes.length === 0) throw notFound('organisation', code, `机构或单位“${code}”不存在`, { location: { field } });
  if (nodes.length > 1)
    throw new AppError('CONFLICT', `编码“${code}”同时属于一个机构和一个单位，请先在数据库中更正`, {
      location: { field },
    });
  return nodes[0]!;
}

/** The node's own code, then every organisation above it. */
async function chainOf(trx: Executor, node: Pick<OrgNodeRow, 'code' | 'kind' | 'parentCode'>): Promise<string[]> {
  if (node.kind !== 'unit') return organisationChain(trx, node.code);
  return [node.code, ...(node.parentCode === null ? [] : await organisationChain(trx, node.parentCode))];
}

/** The message deliberately does not name a permission: the guard's refusals do (docs/permissions.md). */
function forbidden(code: string): AppError {
  return new AppError('FORBIDDEN', `无权管理“${code}”：财政局用户只能管理本局之下的主管部门和单位`);
}

export async function assertMayManage(trx: Executor, actor: Actor, node: FoundNode): Promise<void> {
  if (!mayManageNode(actor, await chainOf(trx, node))) throw forbidden(node.code);
}

/** The parent (an active bureau or department the actor may place under) and its chain. */
export async function requirePlacement(
  trx: Executor,
  actor: Actor,
  parentCode: string | null,
  what: string,
): Promise<{ parent: FoundNode | null; chain: string[] }> {
  if (parentCode === null) {
    if (!mayPlaceUnder(actor, [])) throw forbidden(what);
    return { parent: null, chain: [] };
  }
  const parent = await requireOrgNode(trx, parentCode, 'parentCode');
  if (parent.kind === 'unit')
    throw new AppError('VALIDATION', `上级“${parentCode}”是预算单位，单位之下不能再有机构`, {
      location: { field: 'parentCode' },
    });
  if (!parent.active)
    throw new AppError('VALIDATION', `上级“${parentCode}”已停用，不能在其下新增或移入`, {
      location: { field: 'parentCode' },
    });
  const chain = await chainOf(trx, parent);
  if (!mayPlaceUnder(actor, chain)) throw forbidden(parentCode);
  return { parent, chain };
}

export function nodeView(node: OrgNodeRow): Omit<OrgNodeRow, 'id'> {
  return {
    code: node.code,
    name: node.name,
    kind: node.kind,
    parentCode: node.parentCode,
    active: node.active,
    version: node.version,
    orgType: node.orgType,
    departmentOwn: node.departmentOwn,
  };
}

/**
 * Refuses an actor outside the unit's organisation (the HTTP hook checks it too; use-cases are also
 * called directly) and gives the unit's approval chain (decision 049) with its shape: whether a reviewer
 * stage comes first (else the final stage reviews alone) and which role ends it.
 */
export async function requireUnitReach(
  db: Executor,
  actor: Actor,
  unitCode: string,
): Promise<ChainShape & { chain: ApprovalChain }> {
  const ancestors = await ancestorsOfUnit(db, unitCode);
  if (!isInOrganisation(actor, { unitCode, unitAncestors: ancestors.map((a) => a.code) })) {
    throw new AppError('FORBIDDEN', `您（${actor.username}）无权处理单位 ${unitCode} 的绩效目标`);
  }
  const chain = await approvalChainOfUnit(db, unitCode, ancestors);
  return { ...chainShape(chain), chain };
}
