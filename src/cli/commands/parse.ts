import { Command } from 'commander';
import { parseTargetsFile } from '../../usecases/parse-targets.ts';
import { parseYear, readInputFile } from '../options.ts';
import { writeNotes } from '../output.ts';

export function parseCommand(): Command {
  return new Command('parse')
    .description('读取文件并输出 jixiao/targets@1 JSON（不访问数据库） / print a document as exchange JSON')
    .argument('<file>', '目标文件（种子文本格式 .txt、交换格式 .json、Word .docx 或 Excel .xlsx）')
    .option('--year <year>', '财政年度（文件未写明时）', parseYear)
    .action(async (file: string, options: { year?: number }) => {
      const input = await readInputFile(file);
      const { document, notes } = await parseTargetsFile({ ...input, fiscalYear: options.year });
      writeNotes(notes, input.fileName);
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    });
}
