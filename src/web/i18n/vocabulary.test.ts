import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from './messages.ts';
import { criterionText, gradeText, opinionBlockedText, warningLevelText } from './vocabulary.ts';

const english = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const chinese = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe("the rules' fixed words in the user's language", () => {
  it('names grades, criteria and warning levels in English, and leaves them as they are in Chinese', () => {
    expect(['优', '良', '中', '差'].map((grade) => gradeText(grade, english))).toEqual([
      'Excellent',
      'Good',
      'Fair',
      'Poor',
    ]);
    expect(gradeText('良', chinese)).toBe('良');
    expect(criterionText('完整性', english)).toBe('Completeness');
    expect(criterionText('可行性', chinese)).toBe('可行性');
    expect(warningLevelText('重点监控', english)).toBe('Close watch');
  });
  it('passes unknown words through unchanged', () => {
    expect(gradeText('A+', english)).toBe('A+');
    expect(gradeText(null, english)).toBe('');
    expect(criterionText('其他', english)).toBe('其他');
  });
  it('says why no opinion form is recorded now, from the state', () => {
    expect(opinionBlockedText({ state: 'draft', hasDepartment: true }, chinese)).toBe(
      '当前不在审核环节：绩效目标报送后方可填写审核意见表',
    );
    expect(opinionBlockedText({ state: 'submitted', hasDepartment: true }, chinese)).toBe(
      '当前等待主管部门审核，审核意见表由主管部门填写',
    );
    expect(opinionBlockedText({ state: 'department-reviewed', hasDepartment: true }, english)).toBe(
      'Waiting for review by the finance bureau: the finance bureau fills in the opinion forms',
    );
    // A superior union that decides alone (decision 049): the chain has one stage, no bureau after it.
    const union = { state: 'submitted', hasDepartment: false, finalRole: 'department', reviewerKind: 'union' } as const;
    expect(opinionBlockedText(union, english)).toBe(
      'Waiting for review by the superior union: the superior union fills in the opinion forms',
    );
    expect(opinionBlockedText(union, chinese)).toBe('当前等待上级工会审核，审核意见表由上级工会填写');
  });
});
