import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GenerateOptionsSchema, type GenerateOptions } from '../contract/generate-options.ts';
import { validateInput } from '../contract/validate-input.ts';
import { BUREAU, departmentsFor, generateUnits, type GeneratedUnit } from '../domain/generate/index.ts';
import { type GenerateSummary, type ProgressCallback, countGenerated } from '../domain/generate/summary.ts';

/** The year's 实际支付 as the payments import reads it (凭证号, 项目编码, 支付日期, 金额, 资金来源). */
function paymentsCsv(unit: GeneratedUnit): string {
  const lines = ['凭证号,项目编码,支付日期,金额,资金来源'];
  unit.monitoring.spending.forEach((entry, n) => {
    const day = String(5 + ((n * 7) % 20)).padStart(2, '0');
    const month = String(entry.month).padStart(2, '0');
    lines.push(
      `${unit.unit.code}-${n + 1},${entry.projectCode},${unit.fiscalYear}-${month}-${day},${entry.amount},${entry.source === 'fiscal' ? '财政资金' : '其他资金'}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

/**
 * `jixiao generate --out`: the deterministic city (decision 014) as files. Per unit `<code>.json`
 * (jixiao/targets@1, for `jixiao import`), `<code>.actuals.json` (for `jixiao score --actuals`) and
 * `<code>.payments.csv`, plus `organisations.json` (the tree), written as the units are generated,
 * so memory does not grow with N.
 */
export async function generateToDirectory(
  dir: string,
  options: GenerateOptions,
  onProgress?: ProgressCallback,
): Promise<GenerateSummary> {
  const parsed = validateInput(GenerateOptionsSchema, options, '生成参数');
  await mkdir(dir, { recursive: true });
  const tree = createWriteStream(join(dir, 'organisations.json'), 'utf8');
  const write = async (text: string) => {
    if (!tree.write(text)) await once(tree, 'drain');
  };
  const departments = departmentsFor(parsed).map(({ code, name }) => ({ code, name, parentCode: BUREAU.code }));
  await write(
    `{"format":"jixiao/organisations@1","bureau":${JSON.stringify(BUREAU)},"departments":${JSON.stringify(departments)},"units":[`,
  );
  const summary: GenerateSummary = { units: 0, projects: 0, indicators: 0 };
  try {
    for (const unit of generateUnits(parsed)) {
      const base = join(dir, unit.unit.code);
      await writeFile(`${base}.json`, `${JSON.stringify(unit.document, null, 1)}\n`);
      await writeFile(`${base}.actuals.json`, `${JSON.stringify(unit.actuals, null, 1)}\n`);
      await writeFile(`${base}.payments.csv`, paymentsCsv(unit));
      await write(
        `${summary.units === 0 ? '' : ','}\n${JSON.stringify({ ...unit.unit, departmentCode: unit.departmentCode })}`,
      );
      countGenerated(summary, unit);
      onProgress?.(summary.units, parsed.units);
    }
    await write('\n]}\n');
  } finally {
    tree.end();
    await once(tree, 'finish');
  }
  return summary;
}
