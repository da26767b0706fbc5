import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Indicator } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { reviewCell, spanHighlighted } from '../review/cell-key.ts';
import { OfficialColumns } from './OfficialColumns.tsx';
import type { CellProps } from './ProjectSheet.tsx';
import { indicatorRowSpans, isMissingTargetValue, type IndicatorRowSpans } from './table-layout.ts';

/** What the cells of one indicator row hold: the view's text or the editor's inputs. */
export interface IndicatorCells {
  level1: ReactNode;
  level2: ReactNode;
  name: ReactNode;
  description: ReactNode;
  target: ReactNode;
  basis: ReactNode;
}

/**
 * The indicator block's header row (a thead: it repeats on each printed page), on the official grid; the editor
 * adds a last column for its row controls.
 */
export function IndicatorHead({ actions }: { actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr className="indicator-head" data-review-path="indicators">
        <th>{t('table.level1')}</th>
        <th>{t('table.level2')}</th>
        <th>{t('table.level3')}</th>
        <th colSpan={2}>{t('table.description')}</th>
        <th>{t('table.target')}</th>
        <th>{t('table.basis')}</th>
        {actions !== undefined && <th>{actions}</th>}
      </tr>
    </thead>
  );
}

/**
 * The cells of indicator row `index` (the caller draws the tr): 一级 and 二级 only on the first row of their
 * run, spanning it (`spans`, from indicatorRowSpans), 绩效指标描述 over two of the grid's columns. `cell`
 * gives each cell its attributes; a merged cell's key is its first row's.
 */
export function IndicatorCellsRow({
  index,
  spans,
  cells,
  cell,
}: {
  index: number;
  spans: IndicatorRowSpans;
  cells: IndicatorCells;
  cell: (key: string, className?: string, span?: number) => ReturnType<CellProps>;
}) {
  const key = (field: string) => `indicators.${index}.${field}`;
  return (
    <>
      {spans.level1 > 0 && (
        <td rowSpan={spans.level1} {...cell(key('level1'), 'center', spans.level1)}>
          {cells.level1}
        </td>
      )}
      {spans.level2 > 0 && (
        <td rowSpan={spans.level2} {...cell(key('level2'), 'center', spans.level2)}>
          {cells.level2}
        </td>
      )}
      <td data-testid="indicator-name" {...cell(key('name'))}>
        {cells.name}
      </td>
      <td colSpan={2} {...cell(key('description'), 'text-cell')}>
        {cells.description}
      </td>
      <td data-testid="indicator-target" {...cell(key('target'), 'center')}>
        {cells.target}
      </td>
      <td {...cell(key('basis'), 'center')}>{cells.basis}</td>
    </>
  );
}

/**
 * The indicator block of the official table as text: its header and rows, 一级 and 二级 merged where they
 * repeat. `highlights` (review findings' keys such as 'indicators.1.target') marks cells; a merged cell is
 * marked when any row it spans is.
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
  const cell = (from: number) => (key: string, className?: string, span?: number) => {
    const field = key.split('.')[2]!;
    const merged = span !== undefined ? spanHighlighted(highlights, field, from, span) : undefined;
    return reviewCell(highlights, key, className, merged);
  };
  return (
    <table className="official-table indicator-table">
      <OfficialColumns />
      <IndicatorHead />
      <tbody>
        {indicators.map((indicator, i) => (
          <tr key={i} data-testid="indicator-row">
            <IndicatorCellsRow
              index={i}
              spans={spans[i]!}
              cell={cell(i)}
              cells={{
                level1: indicator.level1,
                level2: indicator.level2,
                name: indicator.name,
                description: indicator.description,
                target: (
                  <>
                    {indicator.target.raw}
                    {isMissingTargetValue(indicator.target) && (
                      <Tag color="warning" className="missing-tag">
                        {t('table.missingTarget')}
                      </Tag>
                    )}
                  </>
                ),
                basis: indicator.basis,
              }}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
