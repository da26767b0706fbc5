import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useChineseValidationMessages } from '../../contract/locale.ts';
import { issueSentence } from '../../contract/validate-input.ts';
import { GAP_REASONS } from '../../domain/errors.ts';
import { submissionGaps } from '../../domain/monitoring/checkpoints.ts';
import { type MessageKey, translator } from '../i18n/messages.ts';
import type { ApiIssue, IssueFacts } from './client.ts';
import { ApiError } from './client.ts';
import { errorMessage } from './error-message.ts';
import { gapText, issueText, zodIssueText } from './issue-text.ts';

useChineseValidationMessages();

const zh = translator('zh-CN');
const en = translator('en');
const HAN = /\p{Script=Han}/u;

const issue = (path: (string | number)[], facts: IssueFacts, message = '服务器的中文句子'): ApiIssue => ({
  path,
  message,
  facts,
});

describe('issueText: a validation issue in the UI language (decision 043)', () => {
  const target = ['indicators', 1, 'target', 'raw'];
  it.each([
    [{ rule: 'required' }, 'Indicator 2 — Target value is required'],
    [{ rule: 'type', expected: 'number' }, 'Indicator 2 — Target value must be a number'],
    [{ rule: 'type', expected: 'int' }, 'Indicator 2 — Target value must be a whole number'],
    [{ rule: 'type', expected: 'object' }, 'Indicator 2 — Target value is not in the right format'],
    [{ rule: 'format', expected: 'date' }, 'Indicator 2 — Target value must be a date, e.g. 2026-01-31'],
    [{ rule: 'format', expected: 'pattern' }, 'Indicator 2 — Target value is not in the right format'],
    [{ rule: 'too-small', limit: 3, counts: 'characters' }, 'Indicator 2 — Target value needs at least 3 characters'],
    [{ rule: 'too-small', limit: 1, counts: 'items' }, 'Indicator 2 — Target value needs at least one entry'],
    [{ rule: 'too-small', limit: 1 }, 'Indicator 2 — Target value cannot be less than 1'],
    [{ rule: 'too-small', limit: 0, exclusive: true }, 'Indicator 2 — Target value must be greater than 0'],
    [{ rule: 'too-big', limit: 12 }, 'Indicator 2 — Target value cannot be greater than 12'],
    [{ rule: 'too-big', limit: 100, exclusive: true }, 'Indicator 2 — Target value must be less than 100'],
    [{ rule: 'too-big', limit: 2, counts: 'items' }, 'Indicator 2 — Target value may have at most 2 entries'],
    [{ rule: 'too-long', limit: 200 }, 'Indicator 2 — Target value may have at most 200 characters'],
    [
      { rule: 'one-of', expected: ['优', '良'] },
      'Indicator 2 — Target value is not one of the choices; pick one from the list',
    ],
    [{ rule: 'custom' }, 'Indicator 2 — Target value is not acceptable'],
  ] as [IssueFacts, string][])('%j in English', (facts, text) => {
    const withinProject: IssueFacts = { ...facts, within: 'projects' };
    expect(issueText(issue(target, withinProject), en)).toBe(text);
    expect(issueText(issue(target, withinProject), en)).not.toMatch(HAN);
  });

  it('keeps the server sentence in Chinese, and where the server sent no facts', () => {
    const sentence = '第 2 个指标的“指标值”应为数字';
    expect(issueText(issue(target, { rule: 'type', expected: 'number' }, sentence), zh)).toBe(sentence);
    expect(issueText({ path: target, message: sentence }, en)).toBe(sentence);
  });

  it('names the request part outside the body', () => {
    expect(issueText(issue(['fiscalYear'], { rule: 'type', expected: 'int', part: 'querystring' }), en)).toBe(
      'Query parameter Fiscal year must be a whole number',
    );
  });

  it('sums up a refused save in the UI language: the first issue and how many more', () => {
    const issues = [
      issue(['name'], { rule: 'required', within: 'projects' }),
      issue(['code'], { rule: 'too-long', limit: 5 }),
    ];
    const error = new ApiError(400, 'VALIDATION', '“项目名称”必须填写（另有 1 处问题）', issues);
    expect(errorMessage(error, en)).toBe('Project name is required (and 1 more)');
    expect(errorMessage(error, zh)).toBe('“项目名称”必须填写（另有 1 处问题）');
  });

  it('words an issue the web finds itself like the server, never with zod’s own words', () => {
    const schema = z.object({ months: z.number().int().max(12) });
    const input = { months: 13 };
    const found = schema.safeParse(input).error!.issues[0]!;
    expect(zodIssueText(found, input, zh)).toBe(issueSentence(found, { input }));
    expect(zodIssueText(found, input, zh)).not.toMatch(/期望|<=/);
    expect(zodIssueText(found, input, en)).toBe('A field cannot be greater than 12');
  });
});

describe('gapText: the gaps use cases list on the 自评 and monitoring pages (decision 043)', () => {
  const subject = { project: 'P-1', indicator: 'Visits', month: 6, value: '95' };

  it('words every gap reason in both locales, English without Chinese', () => {
    for (const reason of GAP_REASONS) {
      const english = gapText('中文原句', reason, subject, en);
      expect(english, reason).not.toMatch(HAN);
      expect(english, reason).not.toMatch(/[{}]/);
      expect(english, reason).toContain('P-1');
      expect(zh(reason as MessageKey, subject), reason).toMatch(HAN);
      expect(gapText('中文原句', reason, subject, zh)).toBe('中文原句');
    }
  });

  it('words the monitoring gaps the server lists, keeping the server sentence in Chinese', () => {
    const gaps = submissionGaps(6, [{ code: 'P-1', entries: [], indicators: [{ name: 'Visits', progress: [] }] }]);
    const issues = JSON.parse(JSON.stringify(gaps)) as ApiIssue[];
    const facts = issues.map((i) => ({ ...i, facts: i as unknown as IssueFacts }));
    expect(facts.map((i) => issueText(i, en))).toEqual([
      'Project P-1: the full-year spending forecast is missing',
      'Project P-1, indicator “Visits”: the progress for month 6 is missing',
    ]);
    // The Chinese dictionary says what the server says.
    expect(zh('gap.monitoring.progress-missing', { project: 'P-1', indicator: 'Visits', month: 6 })).toBe(
      gaps[1]!.message,
    );
    const refusal = new ApiError(422, 'VALIDATION', '6月监控情况尚未填完', facts, {
      details: { reason: 'monitoring.incomplete', month: 6, count: 2 },
    });
    expect(errorMessage(refusal, en)).toBe(
      'The monitoring of month 6 is incomplete (2 places); fill in what is marked: Project P-1: the full-year spending forecast is missing',
    );
    expect(errorMessage(refusal, zh)).toBe('6月监控情况尚未填完');
  });

  it('keeps the server sentence for an unknown gap or a missing name', () => {
    expect(gapText('服务器的句子', 'gap.something-new', subject, en)).toBe('服务器的句子');
    expect(gapText('服务器的句子', 'gap.monitoring.progress-missing', { project: 'P-1' }, en)).toBe('服务器的句子');
  });
});
