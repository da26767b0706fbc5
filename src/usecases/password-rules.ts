import { AppError } from '../domain/errors.ts';
import { checkPassword } from '../domain/password-policy.ts';

/** The password policy as a use-case's refusal: VALIDATION naming the field that carries the password. */
export function assertPasswordAllowed(password: string, username: string, field = 'password'): void {
  const refused = checkPassword(password, username);
  if (refused !== null) throw new AppError('VALIDATION', refused, { location: { field } });
}
