import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { deleteSetupTokens, hasAdministrator, insertSetupToken, setupTokenHash } from '../db/instance.repo.ts';
import { SETUP_LINK_HOURS } from '../domain/session-rules.ts';

export interface SetupToken {
  /** 32 random bytes, base64url: printed once on the server's console, only its hash stored. */
  token: string;
  expiresAt: Date;
}

/**
 * While no administrator exists, a new one-time token for the setup page (`/setup#token=…`; the
 * fragment never reaches a server log or a Referer). Returns null once an administrator exists.
 * Each server start issues its own; creating the administrator voids them all.
 */
export async function issueSetupToken(db: Db, now: Date = new Date()): Promise<SetupToken | null> {
  if (await hasAdministrator(db.kysely)) return null;
  await deleteSetupTokens(db.kysely, now);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  await insertSetupToken(db.kysely, setupTokenHash(token), expiresAt);
  return { token, expiresAt };
}
