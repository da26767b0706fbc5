import { describe, expect, it } from 'vitest';
import { factDifferences } from '../../../test/layout-corpus/compare.ts';
import { corpusFileName, FORMATS } from '../../../test/layout-corpus/index.ts';
import { HOLDOUT, holdoutFile } from '../../../test/layout-corpus/holdout/index.ts';
import { readGrids } from '../tables/read-grids.ts';
import { readTables } from './read-tables.ts';

/*
 * The held-out set of issue 15 (test/layout-corpus/holdout): documents written after the recogniser, with the
 * variations real departments' files have (a title inside the table, spaced and broken labels, 全年预算数（A）,
 * "产出指标（50分）", nested frames, a sheet of instructions first, WPS's trailing cells). Every fact must come back
 * from every format, as for the corpus; a failure here is a gap in generality, not in one layout. Where 主管部门 and
 * 实施单位 differ, the unit is the 实施单位 (the budget unit whose targets these are).
 */
describe('every held-out file gives back every fact it states', () => {
  const cases = HOLDOUT.flatMap((document) =>
    FORMATS.map((format) => [corpusFileName(document, format), document, format] as const),
  );
  it.each(cases)('%s', async (fileName, document, format) => {
    const reading = readTables(await readGrids(await holdoutFile(document, format), fileName));
    expect(factDifferences(document.facts, reading), fileName).toEqual([]);
  });
});
