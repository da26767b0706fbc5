import { Tag } from 'antd';
import type { Indicator } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { indicatorRowSpans, isMissingTargetValue } from './table-layout.ts';

/** The indicator header and rows; 一级 and 二级 cells merge vertically where they repeat. */
export function IndicatorRows({ indicators }: { indicators: Indicator[] }) {
  const { t } = useI18n();
  const spans = indicatorRowSpans(indicators);
  return (
    <>
      <tr className="indicator-head">
        <th>{t('table.level1')}</th>
        <th>{t('table.level2')}</th>
        <th>{t('table.level3')}</th>
        <th>{t('table.description')}</th>
        <th>{t('table.target')}</th>
        <th>{t('table.basis')}</th>
      </tr>
      {indicators.map((indicator, i) => (
        <tr key={i} data-testid="indicator-row">
          {spans[i]!.level1 > 0 && <td rowSpan={spans[i]!.level1} className="center">{indicator.level1}</td>}
          {spans[i]!.level2 > 0 && <td rowSpan={spans[i]!.level2} className="center">{indicator.level2}</td>}
          <td data-testid="indicator-name">{indicator.name}</td>
          <td className="text-cell">{indicator.description}</td>
          <td className="center" data-testid="indicator-target">
            {indicator.target.raw}
            {isMissingTargetValue(indicator.target) && <Tag color="warning" className="missing-tag">{t('table.missingTarget')}</Tag>}
          </td>
          <td className="center">{indicator.basis}</td>
        </tr>
      ))}
    </>
  );
}
