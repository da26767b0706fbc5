import type { AuditLogEntryView } from '../../contract/audit-log.ts';
import { auditChanges, auditFieldLabel } from '../../contract/audit-words.ts';
import { POLICY_KINDS, type PolicyKind } from '../../contract/policies.ts';
import { effectivePolicy } from '../../contract/policy-bodies.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { DICTIONARIES, type MessageKey } from '../i18n/messages.ts';
import { fieldText, formatPolicyValue, policyChanges } from '../policies/policy-diff.ts';
import { formatTime } from '../workflow/format-time.ts';

/** An entry in words: the sentence (who, when, what) and its changes (将“指标值”从 ≥90% 改为 ≥95%). */
export interface AuditWords {
  sentence: string;
  changes: string[];
  /** 'zh-CN' when the changes are worded by the shared field labels, which are Chinese only (marked so). */
  changesLang: 'zh-CN' | undefined;
}

const SHOWN_CHANGES = 5;

/** The words for an action or entity the UI knows; null for one recorded by a newer version. */
function known(t: Translate, key: string): string | null {
  return key in DICTIONARIES['zh-CN'] ? t(key as MessageKey) : null;
}

/** Who did it: the display name, the username after it when they differ. */
function who(entry: AuditLogEntryView): string {
  const name = entry.actorDisplayName;
  return name && name !== entry.actor ? `${name}（${entry.actor}）` : entry.actor;
}

/** The policy kind of a policy entry (keyed `ORG/kind`), or null. */
function policyKind(entry: AuditLogEntryView): PolicyKind | null {
  const kind = entry.entity === 'policy' ? entry.entityKey.split('/')[1] : undefined;
  return kind !== undefined && (POLICY_KINDS as readonly string[]).includes(kind) ? (kind as PolicyKind) : null;
}

/**
 * A policy entry compares the effective rules before and after (a stored body is partial: a knob
 * dropped from it went back to its default), each knob named and valued as the policy form shows it.
 */
function policyChangeLines(t: Translate, kind: PolicyKind, entry: AuditLogEntryView): string[] {
  const before = effectivePolicy(kind, entry.before);
  const after = effectivePolicy(kind, entry.after);
  return policyChanges(kind, before, after).map((c) =>
    t('auditLog.change', {
      field: `“${fieldText(t, kind, c.field.path, 'f')}”`,
      before: formatPolicyValue(t, kind, c.field, c.before),
      after: formatPolicyValue(t, kind, c.field, c.after),
    }),
  );
}

/** A policy's key `SHG-CZJ/monitoring` as SHG-CZJ（运行监控）, in the UI's language; any other key as recorded. */
function entityKey(t: Translate, entry: AuditLogEntryView): string {
  const kind = policyKind(entry);
  return kind === null ? entry.entityKey : `${entry.entityKey.split('/')[0]}（${t(`policies.tab.${kind}`)}）`;
}

export function auditWords(t: Translate, entry: AuditLogEntryView): AuditWords {
  const sentence = t('auditLog.sentence', {
    who: who(entry),
    when: formatTime(entry.at),
    verb: known(t, `auditLog.action.${entry.action}`) ?? t('auditLog.otherAction'),
    entity: known(t, `auditLog.entity.${entry.entity}`) ?? t('auditLog.otherEntity'),
    key: entityKey(t, entry),
  });
  const kind = policyKind(entry);
  const all =
    kind !== null
      ? policyChangeLines(t, kind, entry)
      : auditChanges(entry.before, entry.after).map((c) =>
          t('auditLog.change', { field: auditFieldLabel(entry.entity, c.path), before: c.before, after: c.after }),
        );
  const changes = all.slice(0, SHOWN_CHANGES);
  if (all.length > SHOWN_CHANGES) changes.push(t('auditLog.moreChanges', { n: all.length - SHOWN_CHANGES }));
  return { sentence, changes, changesLang: kind === null ? 'zh-CN' : undefined };
}
