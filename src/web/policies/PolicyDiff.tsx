import type { PolicyKind } from '../../contract/policies.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type PolicyChange, fieldText, formatPolicyValue } from './policy-diff.ts';

/** What a save or a reset changes, knob by knob: label, old value → new value. */
export function PolicyDiff({ kind, changes }: { kind: PolicyKind; changes: PolicyChange[] }) {
  const { t } = useI18n();
  return (
    <div className="policies-diff-box">
      <table className="simple-table policies-diff" data-testid="policy-diff">
        <thead>
          <tr>
            <th>{t('policies.diffField')}</th>
            <th>{t('policies.diffBefore')}</th>
            <th>{t('policies.diffAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field.path}>
              <td>{fieldText(t, kind, change.field.path, 'f')}</td>
              <td>{formatPolicyValue(t, kind, change.field, change.before)}</td>
              <td>{formatPolicyValue(t, kind, change.field, change.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
