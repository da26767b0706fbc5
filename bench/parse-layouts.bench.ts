import { writeTargetsDocx } from '../src/documents/docx/index.ts';
import { layoutById } from '../src/documents/layouts/write/printable.ts';
import { writeLayoutDocx } from '../src/documents/layouts/write/write-layout-docx.ts';
import { writeLayoutXlsx } from '../src/documents/layouts/write/write-layout-xlsx.ts';
import { parseDocumentFile } from '../src/usecases/parse-document.ts';
import { seedUnits } from './lib/seed-data.ts';
import type { Benchmark, BenchResult } from './lib/types.ts';
import { median } from './lib/stats.ts';

/**
 * Reading a 25-project unit from provincial layouts (issue 15): the same document printed in the 四川一体化 and 湖北
 * forms (.docx and .xlsx, 万元/元 as the form says) and read back through the table reader, against the seed-layout
 * .docx read by its own strict reader — the import baseline. Each the median of RUNS parses after two warm-ups, on
 * the use-case every import calls (parseDocumentFile), so the figures include recognition and validation.
 */

const RUNS = 15;
const PROJECTS = 25;
const GOAL_RATIO = 3;

async function parseMs(content: Uint8Array, fileName: string): Promise<number> {
  const started = process.hrtime.bigint();
  const parsed = await parseDocumentFile({ content, fileName });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (parsed.kind !== 'targets' || parsed.document.projects.length !== PROJECTS)
    throw new Error(`${fileName}: read ${parsed.kind} with ${parsed.document.projects.length} projects`);
  return ms;
}

async function timed(content: Uint8Array, fileName: string): Promise<number> {
  for (let i = 0; i < 2; i += 1) await parseMs(content, fileName);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await parseMs(content, fileName));
  return median(times);
}

export const benchmark: Benchmark = {
  id: 'parse-layouts',
  title: 'Reading provincial layouts (25 projects)',
  async run(ctx): Promise<BenchResult[]> {
    const [unit] = [...seedUnits({ units: 1, projectsPerUnit: PROJECTS, seed: 0, fiscalYear: 2024 })];
    // The official seed layout prints the unit as "编码+名称", which needs a numeric code.
    const document = { ...unit!.document, unit: { code: '790001', name: unit!.document.unit.name } };
    const baseline = await timed(await writeTargetsDocx(document), 'seed-layout.docx');
    ctx.log(`parse-layouts: seed-layout .docx (strict reader) median ${baseline.toFixed(0)} ms`);
    const cases: { id: string; layout: string; format: 'docx' | 'xlsx' }[] = [
      { id: 'sichuan-docx', layout: 'sichuan-integrated', format: 'docx' },
      { id: 'sichuan-xlsx', layout: 'sichuan-integrated', format: 'xlsx' },
      { id: 'hubei-docx', layout: 'hubei', format: 'docx' },
      { id: 'hubei-xlsx', layout: 'hubei', format: 'xlsx' },
    ];
    const results: BenchResult[] = [];
    for (const { id, layout, format } of cases) {
      const def = layoutById(layout);
      if (!def) throw new Error(`no printable layout ${layout}`);
      const file = format === 'docx' ? await writeLayoutDocx(document, def) : await writeLayoutXlsx(document, def);
      const measured = await timed(file, `${layout}.${format}`);
      const ratio = measured / baseline;
      results.push({
        id: `parse-layouts.${id}`,
        title: `parse a ${PROJECTS}-project ${def.name} .${format}`,
        figures: { parse: { value: measured, unit: 'ms' }, bytes: { value: file.byteLength, unit: 'B' } },
        baseline: { name: 'seed-layout .docx (strict reader)', value: baseline, unit: 'ms' },
        ratio,
        goal: { description: `within ${GOAL_RATIO}× of the seed-layout .docx`, met: ratio <= GOAL_RATIO },
      });
    }
    return results;
  },
};
