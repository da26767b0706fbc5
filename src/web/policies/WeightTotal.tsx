import { Alert } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { valueAt } from './policy-diff.ts';

const ALWAYS = ['executionPoints', 'categoryPoints.output', 'categoryPoints.benefit', 'categoryPoints.satisfaction'];

/**
 * The scoring points' running total while they are edited (预算执行率 + the categories in use must
 * make 100; 成本 counts only as its own 一级), so the sum is seen before saving, not after a refusal.
 */
export function WeightTotal({ values }: { values: Record<string, unknown> | undefined }) {
  const { t } = useI18n();
  if (!values) return null;
  const paths = values['costAsOwnCategory'] === true ? [...ALWAYS, 'categoryPoints.cost'] : ALWAYS;
  // Whole hundredths, as the server sums them: 0.1 + 0.2 must not miss 100.
  const hundredths = paths.reduce((sum, path) => {
    const value = valueAt(values, path);
    return sum + (typeof value === 'number' ? Math.round(value * 100) : 0);
  }, 0);
  const total = hundredths / 100;
  return (
    <Alert
      className="policies-note"
      data-testid="policy-weight-total"
      type={hundredths === 10_000 ? 'success' : 'warning'}
      showIcon
      title={t(hundredths === 10_000 ? 'policies.total' : 'policies.totalBad', { total })}
    />
  );
}
