import { useEffect, useState } from 'react';
import type { PreviousActualsResponse } from '../../contract/fiscal-years.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fetchPreviousActuals } from './api.ts';
import './years.css';

/**
 * Last year's figures for one indicator of this year's draft (decision 038): "上年（2020）：目标 ≥90%，实际 95%".
 * One request per unit-year however many indicators show it; nothing is shown when the unit has no earlier
 * year or the earlier year had no indicator of that name in that project.
 */
export function PreviousActual(props: { unitCode: string; year: number; projectCode: string; indicatorName: string }) {
  const { t } = useI18n();
  const previous = usePreviousActuals(props.unitCode, props.year);
  const item = previous?.items.find(
    (entry) => entry.projectCode === props.projectCode && entry.indicatorName === props.indicatorName,
  );
  if (!previous || previous.previousYear === null || !item) return null;
  return (
    <span className="years-previous" data-testid="previous-actual">
      {t('years.previous', {
        year: previous.previousYear,
        target: item.target,
        actual: item.actual ?? t('years.previousNoActual'),
      })}
    </span>
  );
}

const cache = new Map<string, Promise<PreviousActualsResponse | null>>();

function usePreviousActuals(unitCode: string, year: number): PreviousActualsResponse | null {
  const key = `${unitCode}/${year}`;
  const [loaded, setLoaded] = useState<{ key: string; value: PreviousActualsResponse | null } | null>(null);
  useEffect(() => {
    let current = true;
    let pending = cache.get(key);
    if (!pending) {
      // A failure shows nothing (the figures are a help beside the form, not the form): not cached, retried later.
      pending = fetchPreviousActuals(unitCode, year).catch(() => {
        cache.delete(key);
        return null;
      });
      cache.set(key, pending);
    }
    void pending.then((value) => current && setLoaded({ key, value }));
    return () => {
      current = false;
    };
  }, [key, unitCode, year]);
  return loaded?.key === key ? loaded.value : null;
}
