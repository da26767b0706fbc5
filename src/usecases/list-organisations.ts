import { type OrgTree, OrgTreeQuerySchema } from '../contract/organisations.ts';
import type { Db } from '../db/database.ts';
import { listOrgNodes } from '../db/organisations.repo.ts';
import type { Actor } from '../domain/access.ts';
import { nodeView } from '../db/org-nodes.repo.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * The organisation tree the actor manages, as a flat list linked by parentCode: everything for an
 * administrator (units not yet placed included, parentCode null), a bureau's own subtree for a bureau
 * user, nothing for anyone else. `active: true` leaves out deactivated nodes (pickers).
 */
export async function listOrganisations(
  db: Db,
  actor: Actor,
  input: { active?: 'true' | 'false' } = {},
): Promise<OrgTree> {
  const query = validateInput(OrgTreeQuerySchema, input, '机构查询条件');
  if (actor.role !== 'admin' && (actor.role !== 'bureau' || actor.orgCode === '')) return { items: [] };
  const rows = await listOrgNodes(db.kysely, actor.role === 'admin' ? null : actor.orgCode);
  const items = rows.filter((row) => query.active === undefined || row.active === query.active).map(nodeView);
  return { items };
}
