import type { LastChange } from './last-change.repo.ts';
import type { Executor } from './schema.ts';

/**
 * A policy's version without a column of its own: how many writes of it the audit log holds (every
 * PUT, `jixiao policy set` and the older review-policy route record one in the same transaction as
 * the write). 0 = never stored. With it, the newest of those writes: who to name in a stale save's 409.
 */
export async function policyVersion(
  db: Executor,
  orgCode: string,
  kind: string,
): Promise<{ version: number; last: LastChange }> {
  const writes = db
    .selectFrom('audit_log')
    .where('entity', '=', 'policy')
    .where('entity_key', '=', `${orgCode}/${kind}`)
    .where('unit_code', 'is', null);
  const [count, last] = await Promise.all([
    writes.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    writes.select(['actor_name', 'at']).orderBy('id', 'desc').limit(1).executeTakeFirst(),
  ]);
  return { version: Number(count.n), last: { username: last?.actor_name ?? null, at: last?.at ?? null } };
}
