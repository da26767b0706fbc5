import { Command } from 'commander';
import { parseDocumentFile } from '../../usecases/parse-document.ts';
import { parseYear, readInputFile } from '../options.ts';
import { writeNotes } from '../output.ts';
import { describeSkippedRows, describeTables } from '../recognised-tables.ts';

export function parseCommand(): Command {
  return new Command('parse')
    .description(
      '读取文件并输出交换格式 JSON（绩效目标、自评表或监控表，各省版式均可；不访问数据库） / print a document as exchange JSON',
    )
    .argument('<file>', '文件（.txt、.json、.docx、.xlsx、.pdf；.doc/.xls/.wps/.et 需安装 LibreOffice）')
    .option('--year <year>', '财政年度（文件未写明时）', parseYear)
    .option('--tables', '输出每个表格的识别结果（版式、栏目对应、金额单位、跳过的行）而不是文档')
    .action(async (file: string, options: { year?: number; tables?: boolean }) => {
      const input = await readInputFile(file);
      const parsed = await parseDocumentFile({ ...input, fiscalYear: options.year });
      for (const line of [...describeTables(parsed.tables), ...describeSkippedRows(parsed.tables)]) {
        process.stderr.write(`jixiao: ${input.fileName}: ${line}\n`);
      }
      writeNotes(parsed.notes, input.fileName);
      const output = options.tables === true ? parsed.tables : parsed.document;
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    });
}
