import { Grid } from 'antd';
import { IndicatorFields } from './IndicatorFields.tsx';
import { IndicatorGridFields } from './IndicatorGridFields.tsx';
import { ProjectSheetFields } from './ProjectSheetFields.tsx';

/**
 * The editor's fields as the official form lays them out: the sheet with an input in each cell, then the
 * indicator grid with 一级/二级 merged. On a phone (below antd's `sm`, 576 px) the sheet's cells stack
 * (editor.css) and the indicators become one card per row, in the form's order: a grid of seven input
 * columns cannot be read at 390 px.
 */
export function ProjectFields({ creating, unitCode, year }: { creating: boolean; unitCode: string; year: number }) {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  return (
    <>
      <div className={phone ? 'editor-sheet phone' : 'editor-sheet official-scroll'}>
        <ProjectSheetFields creating={creating} />
      </div>
      {phone ? (
        <IndicatorFields unitCode={unitCode} year={year} />
      ) : (
        <IndicatorGridFields unitCode={unitCode} year={year} />
      )}
    </>
  );
}
