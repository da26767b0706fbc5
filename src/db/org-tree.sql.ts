import { type RawBuilder, sql } from 'kysely';
import type { UnitScope } from '../domain/unit-scope.ts';

/**
 * The organisation tree's one recursive query (decision 020): every query that needs "this
 * organisation and everything below it" or "the units an actor may see" embeds these fragments, so
 * the walk, and its depth guard, are written once.
 */

/**
 * How deep a walk goes. The tree is bureau → department today; the guard stops a cycle (a corrupt
 * parent_id) from recursing for ever.
 */
export const MAX_TREE_DEPTH = 16;

/** `(select id …)`: the ids of the organisation `orgCode` and of every organisation below it, at any depth. */
export function subtreeOf(orgCode: string): RawBuilder<number> {
  return subtreeFrom(sql`select id from organisations where code = ${orgCode}`);
}

/** `(select id …)`: the ids of the organisations `roots` selects (a query of `id`s) and of every one below them. */
export function subtreeFrom(roots: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(
    with recursive tree(id, depth) as (
      select r.id, 1 from (${roots}) r
      union all
      select o.id, t.depth + 1 from organisations o join tree t on o.parent_id = t.id where t.depth < ${sql.lit(MAX_TREE_DEPTH)}
    ) select id from tree)`;
}

/**
 * `(select …)`: the organisations from `start` (a query of one row: id, code, name, kind, parent_id)
 * up to the root, with their depth (1 = the start).
 */
export function chainFrom(start: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(
    with recursive chain(id, code, name, kind, parent_id, depth) as (
      select s.id, s.code, s.name, s.kind, s.parent_id, 1 from (${start}) s
      union all
      select o.id, o.code, o.name, o.kind, o.parent_id, c.depth + 1
        from organisations o join chain c on o.id = c.parent_id
       where c.depth < ${sql.lit(MAX_TREE_DEPTH)}
    ) select id, code, name, kind, depth from chain)`;
}

/**
 * The condition "the unit `unit` (a table alias of units) is in `scope`": the one SQL form of the
 * visible-units rule (src/domain/unit-scope.ts), joined on by every list and bureau view.
 */
export function unitInScope(scope: UnitScope, unit: string): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${unit}.${column}`);
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`true`;
    case 'none':
      return sql<boolean>`false`;
    case 'unit':
      return sql<boolean>`${ref('code')} = ${scope.code}`;
    case 'organisation':
      return sql<boolean>`${ref('parent_id')} in ${subtreeOf(scope.code)}`;
  }
}
