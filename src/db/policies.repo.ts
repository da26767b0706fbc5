import { parseReviewPolicy } from '../contract/policies.ts';
import type { ReviewPolicy } from '../domain/review/policy.ts';
import { MAX_TREE_DEPTH } from './org-tree.sql.ts';
import { ancestorsOfUnit, organisationId } from './organisations.repo.ts';
import type { Executor } from './schema.ts';

/**
 * Policies are JSON bodies per organisation and kind ('review', 'monitoring', 'scoring', …). The
 * reader validates the body with its own schema and fills defaults: this layer only stores it.
 */
export async function putPolicy(db: Executor, orgCode: string, kind: string, body: unknown): Promise<boolean> {
  const id = await organisationId(db, orgCode);
  if (id === null) return false;
  await db
    .insertInto('policies')
    .values({ organisation_id: id, kind, body: JSON.stringify(body) })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'kind']).doUpdateSet({ body: JSON.stringify(body), updated_at: new Date() }),
    )
    .execute();
  return true;
}

export async function getPolicy(db: Executor, orgCode: string, kind: string): Promise<unknown> {
  const row = await db
    .selectFrom('policies as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select('p.body')
    .where('o.code', '=', orgCode)
    .where('p.kind', '=', kind)
    .executeTakeFirst();
  return row?.body ?? null;
}

/** The policy that governs a unit: its nearest ancestor's (department, then bureau); null = defaults. */
export async function policyForUnit(db: Executor, unitCode: string, kind: string): Promise<unknown> {
  for (const org of await ancestorsOfUnit(db, unitCode)) {
    const body = await getPolicy(db, org.code, kind);
    if (body !== null) return body;
  }
  return null;
}

/** The nearest stored review policy (department, then bureau) with defaults filled in. */
export async function reviewPolicyForUnit(db: Executor, unitCode: string): Promise<ReviewPolicy> {
  return parseReviewPolicy((await policyForUnit(db, unitCode, 'review')) ?? {});
}

/**
 * Every organisation's parent and stored policies, for computing many units' figures with one
 * read (the summary refresh): `nearestPolicy` then applies policyForUnit's rule in memory.
 */
export interface PolicyTree {
  parentOf: Map<number, number | null>;
  bodies: Map<string, unknown>;
}

export async function loadPolicyTree(db: Executor): Promise<PolicyTree> {
  const orgs = await db.selectFrom('organisations').select(['id', 'parent_id']).execute();
  const policies = await db.selectFrom('policies').select(['organisation_id', 'kind', 'body']).execute();
  return {
    parentOf: new Map(orgs.map((o) => [o.id, o.parent_id])),
    bodies: new Map(
      policies.map((p) => [`${p.organisation_id}:${p.kind}`, typeof p.body === 'string' ? JSON.parse(p.body) : p.body]),
    ),
  };
}

/** The policy of `kind` that governs a unit placed under `orgId`: the nearest organisation's up the tree; null = defaults. */
export function nearestPolicy(tree: PolicyTree, orgId: number | null, kind: string): unknown {
  for (
    let id = orgId, depth = 0;
    id !== null && id !== undefined && depth < MAX_TREE_DEPTH;
    id = tree.parentOf.get(id) ?? null, depth++
  ) {
    const body = tree.bodies.get(`${id}:${kind}`);
    if (body !== undefined && body !== null) return body;
  }
  return null;
}
