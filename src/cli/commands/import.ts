import { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importFile } from '../../usecases/import-file.ts';
import { detectImportKind } from '../../usecases/detect-import-kind.ts';
import { importMany } from '../../usecases/import-many.ts';
import { parseYear, readInputFile, withDatabase } from '../options.ts';
import { writeNotes } from '../output.ts';
import { progressBar } from '../progress-bar.ts';

export function importCommand(): Command {
  return new Command('import')
    .description(
      '导入目标文件；同一单位同一年度的再次导入整体替换。也可导入目录、.zip 或 .ndjson（每行一个 jixiao/targets@1 文档）：' +
        '先检查全部文档，全部无误才导入，任何问题都不会留下部分结果 / store documents (all or nothing)',
    )
    .argument('<path>', '目标文件（.txt、.json、.docx 或 .xlsx），或含这些文件的目录、.zip、.ndjson')
    .option('--year <year>', '财政年度（文档未写明年度时使用）', parseYear)
    .action(async (path: string, options: { year?: number }) => {
      if ((await detectImportKind(path)) === 'many') {
        await importManyDocuments(path, options.year);
        return;
      }
      const input = await readInputFile(path);
      const result = await withDatabase((db) => importFile(db, SYSTEM_ACTOR, { ...input, fiscalYear: options.year }));
      writeNotes(result.notes, input.fileName);
      const verb = result.replaced ? '已替换' : '已导入';
      process.stdout.write(
        `${verb} ${result.unitCode} ${result.fiscalYear} 年：${result.projects} 个项目，${result.indicators} 个指标\n`,
      );
    });
}

async function importManyDocuments(path: string, fiscalYear: number | undefined): Promise<void> {
  const bar = progressBar(process.stderr);
  const result = await withDatabase((db) =>
    importMany(db, SYSTEM_ACTOR, path, {
      fiscalYear,
      onProgress: (phase, done, total) => {
        // An NDJSON file's size in documents is known only at its end: report every hundredth then.
        if (total !== undefined || done % 100 === 0)
          bar.update(done, total ?? done, phase === 'check' ? '检查' : '导入');
      },
    }),
  );
  bar.finish(`${path}：完成`);
  process.stdout.write(
    `已导入 ${result.documents} 个文档（其中替换 ${result.replaced} 个）：${result.projects} 个项目，${result.indicators} 个指标\n`,
  );
}
