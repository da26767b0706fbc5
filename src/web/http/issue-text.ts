import type { z } from 'zod';
import { fieldLabel } from '../../contract/field-labels.ts';
import { issueRule } from '../../contract/issue-rule.ts';
import { issueSentence, valueAtPath } from '../../contract/validate-input.ts';
import { DICTIONARIES, type MessageKey } from '../i18n/messages.ts';
import type { Translate } from '../i18n/i18n.tsx';
import type { ApiIssue, GapNames, IssueFacts } from './client.ts';

/**
 * One validation issue in the UI's language (decision 043). Chinese shows the server's sentence as it is
 * (the CLI and the logs read the same words); English is composed from the issue's facts: the field named
 * from its path (contract/field-labels.ts, both languages) and the rule it broke. An issue without facts
 * (an older server, a refusal the use case words itself) keeps the server's sentence.
 */
export function issueText(issue: ApiIssue, t: Translate): string {
  if (t.locale !== 'en' || issue.facts === undefined) return issue.message;
  if (issue.facts.reason !== undefined) return gapText(issue.message, issue.facts.reason, issue.facts.subject, t);
  return composedIssue(issue.path, issue.facts, t);
}

/**
 * A gap a use case found (the 自评 and monitoring pages' lists): worded from its key and the names it
 * carries; the server's sentence for a key or a name the web does not have.
 */
export function gapText(message: string, reason: string, subject: GapNames | undefined, t: Translate): string {
  const key = reason as MessageKey;
  if (t.locale !== 'en' || !reason.startsWith('gap.') || !(key in DICTIONARIES.en)) return message;
  const names = subject ?? {};
  const needed = DICTIONARIES.en[key].match(/\{(\w+)\}/g) ?? [];
  const values: Record<string, string | number> = {};
  for (const slot of needed) {
    const name = slot.slice(1, -1) as keyof GapNames;
    const value = names[name];
    if (value === undefined) return message;
    values[name] = value;
  }
  return t(key, values);
}

/**
 * An issue the web finds itself with a contract schema before sending (the policy editor): the server's
 * Chinese sentence for it (a custom rule's own words as the contract wrote them: the page shows it on its
 * field), or the English one from its facts; never zod's own wording.
 */
export function zodIssueText(issue: z.core.$ZodIssue, input: unknown, t: Translate): string {
  if (t.locale !== 'en') return issue.code === 'custom' ? issue.message : issueSentence(issue, { input });
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  return composedIssue(path, issueRule(issue, valueAtPath(input, issue.path)), t);
}

/** The issues' summary: the first one, and how many more the page shows inline. */
export function issuesSummaryText(issues: readonly ApiIssue[], t: Translate): string | null {
  const first = issues[0];
  if (first === undefined || t.locale !== 'en' || first.facts === undefined) return null;
  const text = issueText(first, t);
  return issues.length > 1 ? t('issue.more', { first: text, n: issues.length - 1 }) : text;
}

/** "Indicator 2 — Target value must be a number". */
function composedIssue(path: readonly (string | number)[], facts: IssueFacts, t: Translate): string {
  let field = fieldLabel(path, facts.within, t.locale === 'en' ? 'en' : 'zh');
  if (facts.part === 'querystring' || facts.part === 'params' || facts.part === 'headers') {
    field = t(`issue.part.${facts.part}`, { field });
  }
  const limit = facts.limit ?? '';
  return t(ruleKey(facts), { field, limit });
}

const TYPES: Record<string, MessageKey> = {
  number: 'issue.type.number',
  int: 'issue.type.int',
  string: 'issue.type.string',
  boolean: 'issue.type.boolean',
  array: 'issue.type.array',
  date: 'issue.type.date',
};

/** The sentence for the rule, with the same cases as the server's Chinese (contract/validate-input.ts). */
function ruleKey(facts: IssueFacts): MessageKey {
  switch (facts.rule) {
    case 'required':
      return 'issue.required';
    case 'type':
      return TYPES[String(facts.expected)] ?? 'issue.format';
    case 'format':
      return facts.expected === 'date' ? 'issue.format.date' : 'issue.format';
    case 'too-small':
      if (facts.counts === 'characters') return 'issue.tooSmall.characters';
      if (facts.counts === 'items')
        return String(facts.limit) === '1' ? 'issue.tooSmall.oneItem' : 'issue.tooSmall.items';
      return facts.exclusive ? 'issue.tooSmall.exclusive' : 'issue.tooSmall.value';
    case 'too-big':
      if (facts.counts === 'items') return 'issue.tooBig.items';
      return facts.exclusive ? 'issue.tooBig.exclusive' : 'issue.tooBig.value';
    case 'too-long':
      return 'issue.tooLong';
    case 'one-of':
      return 'issue.oneOf';
    default:
      return 'issue.custom';
  }
}
