import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id PHC strings (the library's default algorithm; m=19 MiB, t=2,
 * p=1, OWASP's recommended minimum). ~30–65 ms a hash on this machine.
 */
export async function hashPassword(password: string): Promise<string> {
  const hashed = await hash(password);
  if (!hashed.startsWith('$argon2id$')) throw new Error('argon2 did not produce an argon2id hash');
  return hashed;
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    // A malformed stored hash fails closed.
    return false;
  }
}

/** Verified against when the username is unknown, so that the answer takes as long as for a real user. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AW70RwTI+A8mcVSQ7yWwnw$6f6zCwEczgde6RKi7I1aqd4dn4hDtAtLXzfUCvXrSKo';
