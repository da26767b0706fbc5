import { ReviewPolicySchema } from '../contract/policies.ts';
import {
  type ApprovalChain,
  type ChainPolicy,
  DEFAULT_CHAIN_POLICY,
  type StageRole,
  chainShape,
  computeChain,
} from '../domain/workflow/chain.ts';
import { type OrganisationRef, ancestorsOfUnit } from './organisations.repo.ts';
import { getPolicy } from './policies.repo.ts';
import type { Executor } from './schema.ts';

/**
 * A unit-year's approval chain (decision 049): its ancestors' types, whether it is its department's own unit
 * (部门本级), and its bureau's chain setting (the bureau's own review policy — a department cannot loosen its
 * own chain), computed by the domain.
 */
export async function approvalChainOfUnit(
  db: Executor,
  unitCode: string,
  known?: readonly OrganisationRef[],
): Promise<ApprovalChain> {
  const ancestors = known ?? (await ancestorsOfUnit(db, unitCode));
  const own = await db.selectFrom('units').select('department_own').where('code', '=', unitCode).executeTakeFirst();
  // 部门本级: the department holds the unit-year itself (stage `self`); under no department it is an ordinary unit.
  const parent = ancestors[0];
  const holder =
    own?.department_own === true && parent?.kind === 'department'
      ? { kind: 'department' as const, code: parent.code, name: parent.name, orgType: parent.orgType }
      : { kind: 'unit' as const };
  return computeChain(holder, ancestors, await chainPolicyOf(db, ancestors));
}

async function chainPolicyOf(db: Executor, ancestors: readonly OrganisationRef[]): Promise<ChainPolicy> {
  const bureau = ancestors.find((a) => a.kind === 'bureau');
  return bureau ? bureauChainPolicy(db, bureau.code) : DEFAULT_CHAIN_POLICY;
}

async function bureauChainPolicy(db: Executor, bureauCode: string): Promise<ChainPolicy> {
  const parsed = ReviewPolicySchema.safeParse((await getPolicy(db, bureauCode, 'review')) ?? {});
  return parsed.success ? { unionBureauApproval: parsed.data.unionBureauApproval } : DEFAULT_CHAIN_POLICY;
}

/** The role that ends the unit's chain (finalises its 自评, approves its targets); null: nobody. */
export async function finalRoleOfUnit(db: Executor, unitCode: string): Promise<StageRole | null> {
  return chainShape(await approvalChainOfUnit(db, unitCode)).finalRole;
}

/**
 * Of `unitCodes`, those whose chain ends at their superior union (a 工会 parent whose bureau's policy does not
 * ask for its 批复): the bureau's batch 复核 steps leave them alone. Two statements whatever the number of units.
 */
export async function unitsDecidedByUnion(db: Executor, unitCodes: readonly string[]): Promise<Set<string>> {
  if (unitCodes.length === 0) return new Set();
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('organisations as p', 'p.id', 'u.parent_id')
    .leftJoin('organisations as b', 'b.id', 'p.parent_id')
    .select(['u.code', 'b.code as bureauCode'])
    .where('p.org_type', '=', 'union')
    .where('u.code', 'in', [...unitCodes])
    .execute();
  const decided = new Set<string>();
  const policies = new Map<string, ChainPolicy>();
  for (const row of rows) {
    const bureau = row.bureauCode;
    if (bureau === null) continue;
    if (!policies.has(bureau)) policies.set(bureau, await bureauChainPolicy(db, bureau));
    if (!policies.get(bureau)!.unionBureauApproval) decided.add(row.code);
  }
  return decided;
}
