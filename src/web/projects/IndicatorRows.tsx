import { Tag } from 'antd';
import type { Indicator } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { reviewCell, spanHighlighted } from '../review/cell-key.ts';
import { OfficialColumns } from './OfficialColumns.tsx';
import { indicatorRowSpans, isMissingTargetValue } from './table-layout.ts';

/**
 * The indicator block of the official table: its header (a thead, repeated on each printed page) and rows;
 * 一级 and 二级 cells merge vertically where they repeat, 绩效指标描述 spans two of the grid's columns as in
 * the Word form. `highlights` (review findings' keys such as 'indicators.1.target') marks cells; a merged
 * cell is marked when any row it spans is.
 */
export function IndicatorTable({
  indicators,
  highlights,
}: {
  indicators: Indicator[];
  highlights?: ReadonlySet<string> | undefined;
}) {
  const { t } = useI18n();
  const spans = indicatorRowSpans(indicators);
  return (
    <table className="official-table indicator-table">
      <OfficialColumns />
      <thead>
        <tr className="indicator-head" data-review-path="indicators">
          <th>{t('table.level1')}</th>
          <th>{t('table.level2')}</th>
          <th>{t('table.level3')}</th>
          <th colSpan={2}>{t('table.description')}</th>
          <th>{t('table.target')}</th>
          <th>{t('table.basis')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((indicator, i) => (
          <tr key={i} data-testid="indicator-row">
            {spans[i]!.level1 > 0 && (
              <td
                rowSpan={spans[i]!.level1}
                {...reviewCell(
                  highlights,
                  `indicators.${i}.level1`,
                  'center',
                  spanHighlighted(highlights, 'level1', i, spans[i]!.level1),
                )}
              >
                {indicator.level1}
              </td>
            )}
            {spans[i]!.level2 > 0 && (
              <td
                rowSpan={spans[i]!.level2}
                {...reviewCell(
                  highlights,
                  `indicators.${i}.level2`,
                  'center',
                  spanHighlighted(highlights, 'level2', i, spans[i]!.level2),
                )}
              >
                {indicator.level2}
              </td>
            )}
            <td data-testid="indicator-name" {...reviewCell(highlights, `indicators.${i}.name`)}>
              {indicator.name}
            </td>
            <td colSpan={2} {...reviewCell(highlights, `indicators.${i}.description`, 'text-cell')}>
              {indicator.description}
            </td>
            <td data-testid="indicator-target" {...reviewCell(highlights, `indicators.${i}.target`, 'center')}>
              {indicator.target.raw}
              {isMissingTargetValue(indicator.target) && (
                <Tag color="warning" className="missing-tag">
                  {t('table.missingTarget')}
                </Tag>
              )}
            </td>
            <td {...reviewCell(highlights, `indicators.${i}.basis`, 'center')}>{indicator.basis}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
