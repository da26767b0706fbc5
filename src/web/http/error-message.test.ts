import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../domain/access.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';
import { ApiError } from './client.ts';
import { errorMessage } from './error-message.ts';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const refusal = (permission: unknown, message = '您的账号无权修改绩效目标（单位 711002）') =>
  new ApiError(403, 'FORBIDDEN', message, [], { details: { permission } });

describe('errorMessage: refusals and validation in words, never an internal key', () => {
  it.each([
    ['targets:edit', zh, '您的账号无权修改绩效目标'],
    ['targets:review', zh, '您的账号无权审核绩效目标'],
    ['users:manage', zh, '您的账号无权管理用户账号'],
    ['targets:edit', en, 'Your account may not edit performance targets'],
    ['audit:read', en, 'Your account may not read the audit log'],
  ] as const)('the guard refusing %s', (permission, t, text) => {
    expect(errorMessage(refusal(permission), t)).toBe(text);
  });

  it('words every permission in both languages without its id', () => {
    for (const permission of PERMISSIONS) {
      for (const t of [zh, en]) {
        const text = errorMessage(refusal(permission), t);
        expect(text).not.toContain(permission);
        expect(text).not.toMatch(/\{action\}|permission\./);
      }
    }
  });

  it.each([
    ['an unknown permission', refusal('x:y', '服务器的话'), '服务器的话'],
    [
      'a refusal without details (a workflow step)',
      new ApiError(403, 'FORBIDDEN', '只有本单位可以提交'),
      '只有本单位可以提交',
    ],
    [
      'a validation sentence from the server',
      new ApiError(400, 'VALIDATION', '第 2 个指标的“指标值”必须填写', [
        { path: ['indicators', '1', 'target'], message: '第 2 个指标的“指标值”必须填写' },
      ]),
      '第 2 个指标的“指标值”必须填写',
    ],
    ['a validation without a message', new ApiError(400, 'VALIDATION', ''), '内容不符合要求'],
  ])('%s keeps the server sentence or a generic one', (_, error, text) => {
    expect(errorMessage(error, zh)).toBe(text);
  });

  it('words a closed fiscal year in the UI’s language (decision 038), other locks as the server says', () => {
    const closed = new ApiError(423, 'LOCKED', '2020 年度已关闭，只能查看', [], { details: { closedYear: 2020 } });
    expect(errorMessage(closed, zh)).toBe('2020 年度已关闭，只能查看');
    expect(errorMessage(closed, en)).toBe('The year 2020 is closed: it can be read but not changed');
    expect(errorMessage(new ApiError(423, 'LOCKED', '已提交，等待主管部门审核'), en)).toBe('已提交，等待主管部门审核');
  });
});
