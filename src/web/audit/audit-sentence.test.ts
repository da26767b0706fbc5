import { describe, expect, it } from 'vitest';
import type { AuditLogEntryView } from '../../contract/audit-log.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionEntity, actionWords, auditChanges } from '../../contract/audit-words.ts';
import { hrefFor, parseRoute } from '../app/routes.ts';
import { DICTIONARIES, type MessageKey, translate } from '../i18n/messages.ts';
import { auditWords } from './audit-sentence.ts';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);

function entry(overrides: Partial<AuditLogEntryView>): AuditLogEntryView {
  return {
    id: '1',
    at: '2026-12-07T02:32:00.000Z',
    actor: 'zhangsan',
    actorDisplayName: '张三',
    action: 'update-project',
    unitCode: '711002',
    unitName: '总工会',
    fiscalYear: 2020,
    entity: 'project',
    entityKey: 'P001',
    before: null,
    after: null,
    ...overrides,
  };
}

describe('the audit log in plain words', () => {
  it('words every action and entity the Excel export words, the same in Chinese, and in English', () => {
    const words = DICTIONARIES['zh-CN'] as Record<string, string>;
    for (const [action, verb] of Object.entries(AUDIT_ACTIONS)) {
      expect(words[`auditLog.action.${action}`]).toBe(verb);
      expect((DICTIONARIES.en as Record<string, string>)[`auditLog.action.${action}`]).toMatch(/^[\x20-\x7e]+$/);
    }
    for (const [entity, noun] of Object.entries(AUDIT_ENTITIES)) expect(words[`auditLog.entity.${entity}`]).toBe(noun);
    // Each action names what it acts on, so the filter's choices never read the same twice.
    const choices = Object.keys(AUDIT_ACTIONS).map(
      (a) => `${actionWords(a)} ${AUDIT_ENTITIES[actionEntity(a) as keyof typeof AUDIT_ENTITIES]}`,
    );
    expect(choices.filter((c, i) => choices.indexOf(c) !== i)).toEqual(['修改了 规则设置']);
    expect(choices.join()).not.toContain('undefined');
  });

  it('says who changed which field of what, from what to what', () => {
    const words = auditWords(
      zh,
      entry({
        before: { project: { name: '旧名', budget: { total: '1.00' } }, version: 1 },
        after: { project: { name: '新名', budget: { total: '2.00' } }, version: 2 },
      }),
    );
    expect(words.sentence).toMatch(/^张三（zhangsan） 于 2026-12-07 \d\d:32 修改了 项目 P001$/);
    expect(words.changes).toEqual(['将“项目名称”从 旧名 改为 新名', '将“预算数”从 1.00 改为 2.00']);
  });

  it('names a policy knob as the policy form does, and an unknown action without its key', () => {
    const policy = auditWords(
      zh,
      entry({
        action: 'put-policy',
        entity: 'policy',
        entityKey: 'SHG-CZJ/monitoring',
        unitCode: null,
        before: { overdue: { graceDays: 0 } },
        after: { overdue: { graceDays: 5 } },
      }),
    );
    expect(policy.sentence).toMatch(/修改了 规则设置 SHG-CZJ（运行监控）$/);
    expect(policy.changes).toEqual(['将“逾期宽限天数”从 0 天 改为 5 天']);
    const unknown = auditWords(en, entry({ action: 'frobnicate-thing', entity: 'thing' }));
    expect(unknown.sentence).not.toMatch(/frobnicate|thing/);
    expect(actionWords('batch-submit-refused')).toBe('批量处理了');
  });

  it('has no field changes for a creation, and words values plainly', () => {
    expect(auditChanges(null, { a: 1 })).toEqual([]);
    expect(auditChanges({ on: true, words: ['a', 'b'] }, { on: false, words: ['a'] })).toEqual([
      { path: ['on'], before: '是', after: '否' },
      { path: ['words'], before: 'a、b', after: 'a' },
    ]);
  });

  it('routes /bureau/audit', () => {
    expect(parseRoute('/bureau/audit')).toEqual({ name: 'auditLog' });
    expect(hrefFor({ name: 'auditLog' })).toBe('/bureau/audit');
  });
});
