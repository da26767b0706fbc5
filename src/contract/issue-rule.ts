import type { ErrorIssue } from '../domain/errors.ts';

/**
 * The facts of one zod issue, as zod reports it and as fastify-type-provider-zod passes it on
 * (its `keyword` is zod's `code`, the rest in `params`).
 */
export interface IssueFacts {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  values?: unknown;
  divisor?: unknown;
}

type RuleFacts = Required<Pick<ErrorIssue, 'rule'>> & Pick<ErrorIssue, 'limit' | 'expected' | 'counts' | 'exclusive'>;

/**
 * The rule an issue broke, as machine facts beside the Chinese sentence (decision 043): the web words
 * these in the UI's language. The same cases as the sentence (validate-input.ts): an absent value is
 * `required` whatever zod's code, so is an empty text where at least one character is needed.
 */
export function issueRule(issue: IssueFacts, value: unknown): RuleFacts {
  if (value === undefined || value === null) return { rule: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { rule: 'type', ...(typeof issue.expected === 'string' ? { expected: issue.expected } : {}) };
    case 'too_small':
      if (issue.origin === 'string' && (String(issue.minimum) === '1' || value === '')) return { rule: 'required' };
      return bound('too-small', issue, issue.minimum);
    case 'too_big':
      if (issue.origin === 'string') return { rule: 'too-long', ...limit(issue.maximum) };
      return bound('too-big', issue, issue.maximum);
    case 'invalid_format':
      return { rule: 'format', expected: issue.format === 'date' ? 'date' : 'pattern' };
    case 'invalid_value':
      return { rule: 'one-of', expected: Array.isArray(issue.values) ? issue.values.map(String) : [] };
    case 'custom':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return { rule: 'custom' };
    default:
      return { rule: 'format' };
  }
}

function bound(rule: 'too-small' | 'too-big', issue: IssueFacts, value: unknown): RuleFacts {
  const counts =
    issue.origin === 'string' ? 'characters' : issue.origin === 'array' || issue.origin === 'set' ? 'items' : null;
  return {
    rule,
    ...limit(value),
    ...(counts !== null ? { counts } : {}),
    ...(issue.inclusive === false ? { exclusive: true } : {}),
  };
}

/** A bound as sent: a number, or its text when zod counts in bigint or dates. */
function limit(value: unknown): { limit?: number | string } {
  if (typeof value === 'number') return { limit: value };
  return value === undefined || value === null ? {} : { limit: String(value) };
}
