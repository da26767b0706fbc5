import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from './schema.ts';

/** Reads one installation setting; undefined when it was never written. */
export async function readInstanceSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('instance_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

async function writeInstanceSetting(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('instance_settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}

/** The setting that says the demo data and its accounts (public passwords) were loaded. */
export const DEMO_KEY = 'demo';

/** Written by the demo loader in the database itself, so every server of a deployment agrees. */
export async function markDemoLoaded(db: Executor): Promise<void> {
  await writeInstanceSetting(db, DEMO_KEY, 'true');
}

/** Whether any administrator account exists (enabled or not: a disabled one is still the owner). */
export async function hasAdministrator(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The stored form of a setup token: its SHA-256, so the table alone opens nothing. */
export function setupTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertSetupToken(db: Executor, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.insertInto('setup_tokens').values({ token_hash: tokenHash, expires_at: expiresAt }).execute();
}

/**
 * Deletes the token and says whether it was there and unexpired. One DELETE … RETURNING: of two
 * transactions presenting the same token, the second waits for the first's row lock and then finds
 * nothing, so a link is used once however many browsers race for it.
 */
export async function consumeSetupToken(db: Executor, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .deleteFrom('setup_tokens')
    .where('token_hash', '=', tokenHash)
    .returning('expires_at')
    .execute();
  return rows.some((row) => row.expires_at > now);
}

/** Expired links, and every link once an administrator exists, are of no use to anyone. */
export async function deleteSetupTokens(db: Executor, expiredBefore?: Date): Promise<void> {
  let query = db.deleteFrom('setup_tokens');
  if (expiredBefore) query = query.where('expires_at', '<=', expiredBefore);
  await query.execute();
}
