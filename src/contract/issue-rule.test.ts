import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProjectInputSchema } from './api.ts';
import { useChineseValidationMessages } from './locale.ts';
import { zodIssues } from './validate-input.ts';

useChineseValidationMessages();

/** The one issue `schema` finds in `input`, with its facts. */
function onlyIssue(schema: z.ZodType, input: unknown, root?: string) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected an issue');
  return zodIssues(result.error, root === undefined ? { input } : { input, root })[0];
}

describe('issue facts: the rule, its bound, beside the Chinese sentence (decision 043)', () => {
  const box = z.object({
    name: z.string().min(1).max(5),
    note: z.string().min(3),
    count: z.number().int().min(1).max(12),
    share: z.number().gt(0).lt(100),
    tags: z.array(z.string()).min(1).max(2),
    day: z.iso.date(),
    grade: z.enum(['优', '良']),
    code: z.string().refine((c) => c !== 'x', { message: '编码不能是 x' }),
  });
  const valid = { name: 'a', note: 'abc', count: 3, share: 5, tags: ['t'], day: '2026-01-31', grade: '优', code: 'y' };
  const broken = (change: Record<string, unknown>) => onlyIssue(box, { ...valid, ...change });

  it.each([
    ['absent', { name: undefined }, { rule: 'required' }, '“名称”必须填写'],
    ['empty text', { name: '' }, { rule: 'required' }, '“名称”不能为空'],
    ['wrong type', { count: 'three' }, { rule: 'type', expected: 'number' }, '应为数字'],
    ['short text', { note: 'ab' }, { rule: 'too-small', limit: 3, counts: 'characters' }, '至少 3 个字'],
    ['long text', { name: 'abcdef' }, { rule: 'too-long', limit: 5 }, '最多 5 个字'],
    ['small number', { count: 0 }, { rule: 'too-small', limit: 1 }, '不能小于 1'],
    ['big number', { count: 13 }, { rule: 'too-big', limit: 12 }, '不能大于 12'],
    ['exclusive low', { share: 0 }, { rule: 'too-small', limit: 0, exclusive: true }, '应大于 0'],
    ['exclusive high', { share: 100 }, { rule: 'too-big', limit: 100, exclusive: true }, '应小于 100'],
    ['empty list', { tags: [] }, { rule: 'too-small', limit: 1, counts: 'items' }, '至少填写一项'],
    ['long list', { tags: ['a', 'b', 'c'] }, { rule: 'too-big', limit: 2, counts: 'items' }, '最多 2 项'],
    ['bad date', { day: '2026-13-45' }, { rule: 'format', expected: 'date' }, '应为日期'],
    ['not a choice', { grade: '好' }, { rule: 'one-of', expected: ['优', '良'] }, '应为以下之一：优、良'],
    ['custom', { code: 'x' }, { rule: 'custom' }, '编码不能是 x'],
  ] as const)('%s', (_case, change, facts, words) => {
    const issue = broken(change);
    expect(issue).toMatchObject(facts);
    expect(issue?.message).toContain(words);
    for (const key of ['limit', 'counts', 'exclusive', 'expected'] as const) {
      if (!(key in facts)) expect(issue?.[key], key).toBeUndefined();
    }
  });

  it('names the kind of body the path starts inside, for the client to name the field', () => {
    const issue = onlyIssue(ProjectInputSchema, { name: '' }, 'projects');
    expect(issue?.within).toBe('projects');
  });
});
