import { checkOrgCode } from '../domain/codes.ts';
import { AppError } from '../domain/errors.ts';

/**
 * Commander argument parsers for code options (decision 020): a hostile --unit / --org is refused
 * before any file or database is touched, exit code 1 naming the option.
 */
export function orgCodeOption(option: string): (text: string) => string {
  return (text) => {
    const problem = checkOrgCode(text);
    if (problem !== null) throw new AppError('VALIDATION', problem, { location: { field: option } });
    return text;
  };
}
