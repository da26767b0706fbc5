/**
 * The rules of the organisation tree (decision 020), pure: 财政局 (bureau) at the top, 主管部门
 * (department) under a bureau, 预算单位 (unit) under a department or directly under a bureau.
 */
export type OrgTreeKind = 'bureau' | 'department' | 'unit';

const PARENT_KINDS: Record<OrgTreeKind, readonly OrgTreeKind[]> = {
  bureau: [],
  department: ['bureau'],
  unit: ['department', 'bureau'],
};

export const KIND_NAMES: Record<OrgTreeKind, string> = { bureau: '财政局', department: '主管部门', unit: '预算单位' };

/** Why a node of `kind` cannot sit under a parent of `parentKind` (null: at the top); null when it can. */
export function placementProblem(kind: OrgTreeKind, parentKind: OrgTreeKind | null): string | null {
  const allowed = PARENT_KINDS[kind];
  if (parentKind === null)
    return allowed.length === 0
      ? null
      : `${KIND_NAMES[kind]}必须有上级（${allowed.map((k) => KIND_NAMES[k]).join('或')}）`;
  if (allowed.includes(parentKind)) return null;
  if (allowed.length === 0) return `${KIND_NAMES[kind]}在最上层，不能有上级`;
  return `${KIND_NAMES[kind]}只能放在${allowed.map((k) => KIND_NAMES[k]).join('或')}之下，不能放在${KIND_NAMES[parentKind]}之下`;
}

/**
 * Whether the actor may change a node, given the node's chain (its own code first, then every
 * organisation above it): an administrator anywhere, a bureau user strictly below its bureau.
 */
export function mayManageNode(actor: { role: string; orgCode: string }, chain: readonly string[]): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'bureau' && actor.orgCode !== '' && chain.slice(1).includes(actor.orgCode);
}

/** Whether the actor may put a node under the parent whose chain (parent first) is given; [] = at the top. */
export function mayPlaceUnder(actor: { role: string; orgCode: string }, parentChain: readonly string[]): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'bureau' && actor.orgCode !== '' && parentChain.includes(actor.orgCode);
}
