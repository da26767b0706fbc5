import { AppError } from './errors.ts';

/**
 * The password policy of NIST SP 800-63B §3.1.1.2 (decision 019): a minimum length, a generous
 * maximum, no password from a list of commonly used ones, not the user's own name — and no
 * composition rules (no "one digit, one capital"), which only push people to predictable patterns.
 */
export const MIN_PASSWORD_LENGTH = 10;
/** Long passphrases are welcome; the bound keeps hashing cost and request bodies sane. */
export const MAX_PASSWORD_LENGTH = 256;
/** A user name shorter than this is too likely to appear by chance inside a good passphrase. */
const MIN_NAME_LENGTH_TO_CHECK = 3;

/**
 * Whether a lower-cased password is on the list of commonly used ones. The list (~49,000 entries
 * from public breach corpora) is a package, so it is handed in by whoever loads it
 * (src/db/password-hash.ts, beside hashing): the domain depends on nothing.
 */
export type IsCommonPassword = (lowerCased: string) => boolean;

/** Length in code points, as NIST counts it: "密码" is two characters, an emoji is one. */
function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Why `password` is not acceptable for the user `username`, in Chinese, or null when it is.
 * Pure: every place a password is set (create, reset, change, first administrator) calls it. The
 * check is case-insensitive: "Password123" is as guessable as "password123".
 */
export function checkPassword(password: string, username: string, isCommon: IsCommonPassword): string | null {
  return passwordRefusal(password, username, isCommon)?.message ?? null;
}

/** Why a password is refused: the Chinese sentence and a stable reason with its facts, for the web's words (decision 043). */
function passwordRefusal(
  password: string,
  username: string,
  isCommon: IsCommonPassword,
): { message: string; details: Record<string, unknown> } | null {
  const length = codePointLength(password);
  if (length < MIN_PASSWORD_LENGTH) {
    const details = { reason: 'password.too-short', min: MIN_PASSWORD_LENGTH, length };
    return { message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符（现为 ${length} 个）`, details };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    const details = { reason: 'password.too-long', max: MAX_PASSWORD_LENGTH };
    return { message: `密码至多 ${MAX_PASSWORD_LENGTH} 个字符`, details };
  }
  const lower = password.toLowerCase();
  if (isCommon(lower)) {
    return { message: '这是最常见的密码之一，很容易被猜中，请换一个', details: { reason: 'password.common' } };
  }
  const name = username.trim().toLowerCase();
  if (codePointLength(name) >= MIN_NAME_LENGTH_TO_CHECK && lower.includes(name)) {
    return { message: '密码不能包含用户名', details: { reason: 'password.contains-name' } };
  }
  return null;
}

/** The policy as a use-case's refusal: VALIDATION naming the field that carries the password. */
export function assertPasswordAllowed(
  password: string,
  username: string,
  isCommon: IsCommonPassword,
  field = 'password',
): void {
  const refused = passwordRefusal(password, username, isCommon);
  if (refused !== null)
    throw new AppError('VALIDATION', refused.message, { location: { field }, details: refused.details });
}
