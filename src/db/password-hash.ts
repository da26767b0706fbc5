import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The stored form of a credential, beside the users table that holds it: what is written to the
 * database must be produced and verified by this one module, so that reading the column and
 * choosing its format cannot drift apart.
 *
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

/**
 * The ~49,000 most common passwords from public breach corpora, ranked, as shipped (and maintained)
 * by @zxcvbn-ts/language-common: what the password policy (src/domain/password-policy.ts) refuses.
 * Loaded on first use and lower-cased once, since the policy's check is case-insensitive.
 */
let commonPasswords: ReadonlySet<string> | undefined;
function commonPasswordSet(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return commonPasswords;
}

/** The policy's `IsCommonPassword`: whether a lower-cased password is on the list. */
export function isCommonPassword(lowerCased: string): boolean {
  return commonPasswordSet().has(lowerCased);
}

/** How many entries the common-password list has (the policy promises at least 10,000). */
export function commonPasswordCount(): number {
  return commonPasswordSet().size;
}
