import type { z } from 'zod';
import { AppError, type ErrorIssue } from '../domain/errors.ts';
import { fieldLabel } from './field-labels.ts';
import { issueRule, type IssueFacts } from './issue-rule.ts';

/**
 * zod's own wording (z.locales.zhCN: "数值过大：期望 number <=12", "无效输入：期望 string…"): never
 * shown; a message the contract wrote itself ("名称过长：最多 200 个字符") is kept.
 */
const ZOD_WORDING = /期望|^无效|^数值过[大小]|未知的键|键\(key\)|无效值\(value\)|expected|invalid input/i;

/** The input was not at hand: the sentence relies on the issue alone. */
const NOT_READ = Symbol('not read');

/** The value the issue is about; without the input, zod's own words still tell an absent field ("…实际接收 undefined"). */
function sentValue(issue: IssueFacts, sent: { input: unknown } | undefined): unknown {
  if (sent) return valueAtPath(sent.input, issue.path);
  return /实际接收 (undefined|空值)/.test(issue.message) ? null : NOT_READ;
}

const TYPE_WORDS: Record<string, string> = {
  number: '应为数字',
  int: '应为整数',
  string: '应为文字',
  boolean: '应为“是”或“否”',
  array: '应为一组内容',
  object: '格式不正确',
  date: '应为日期',
};

/** One issue as a sentence that names the field and says what to do: 第 2 个指标的“指标值”必须填写. */
export function issueSentence(issue: IssueFacts, sent?: { input: unknown; root?: string | undefined }): string {
  const label = fieldLabel(issue.path, sent?.root);
  const value = sentValue(issue, sent);
  if (issue.code === 'custom' || !ZOD_WORDING.test(issue.message)) return `${label}：${issue.message}`;
  return `${label}${what(issue, value)}`;
}

/** What is wrong, after the field's name ("不能为空", "不能大于 12"). */
function what(issue: IssueFacts, value: unknown): string {
  if (value === undefined || value === null) return issue.code === 'invalid_type' ? '必须填写' : '不能为空';
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[String(issue.expected)] ?? '格式不正确';
    case 'too_small':
      return tooSmall(issue, value);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return issue.format === 'date' ? '应为日期，例如 2026-01-31' : '格式不正确';
    case 'invalid_value':
      return oneOf(issue.values);
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return '含有无法识别的栏目';
    default:
      return '格式不正确';
  }
}

function tooSmall(issue: IssueFacts, value: unknown): string {
  const min = String(issue.minimum);
  if (issue.origin === 'string') return min === '1' || value === '' ? '不能为空' : `至少 ${min} 个字`;
  if (issue.origin === 'array' || issue.origin === 'set') return min === '1' ? '至少填写一项' : `至少 ${min} 项`;
  return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
}

function tooBig(issue: IssueFacts): string {
  const max = String(issue.maximum);
  if (issue.origin === 'string') return `最多 ${max} 个字`;
  if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
  return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
}

/** The choices are listed only when they are words people use (优/良, 整改中), not internal ids. */
function oneOf(values: unknown): string {
  const list = Array.isArray(values) ? values.map(String) : [];
  if (list.length > 0 && list.every((v) => /[^\x20-\x7e]/u.test(v))) return `应为以下之一：${list.join('、')}`;
  return '不是可选的值，请从列表中选择';
}

/** The value the issue is about, read from the input as sent (undefined when absent). */
export function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Zod's issues as AppError issues: a path into the document, a Chinese sentence naming the field and
 * the rule's facts for a client that words it in another language (decision 043).
 */
export function zodIssues(error: z.ZodError, sent?: { input: unknown; root?: string }): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issueSentence(issue, sent),
    ...issueRule(issue, sentValue(issue, sent)),
    ...(sent?.root !== undefined ? { within: sent.root } : {}),
  }));
}

/** The issues' summary for `error.message`: the first one, and how many more the UI shows inline. */
export function issuesSummary(issues: readonly ErrorIssue[]): string {
  const first = issues[0]?.message ?? '';
  return issues.length > 1 ? `${first}（另有 ${issues.length - 1} 处问题）` : first;
}

/** Parses input from outside, or throws VALIDATION with one issue per problem. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, { input });
  const first = issues[0];
  throw new AppError('VALIDATION', `${subject}不符合要求：${issuesSummary(issues)}`, {
    location: first?.path ? { path: first.path } : {},
    issues,
  });
}
