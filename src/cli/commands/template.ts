import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { exportTemplate } from '../../usecases/export-template.ts';

export function templateCommand(): Command {
  return new Command('template')
    .description('生成批量填报用的空白模板（带下拉选项和填写说明） / write the blank bulk-entry template')
    .addOption(new Option('--format <format>', '模板格式').choices(['xlsx']).default('xlsx'))
    .requiredOption('--out <file>', '写入的文件，如 模板.xlsx')
    .action(async (options: { format: 'xlsx'; out: string }) => {
      const { content } = await exportTemplate();
      try {
        await writeFile(options.out, content);
      } catch (error) {
        throw new AppError('BAD_INPUT', `无法写入文件：${(error as Error).message}`, {
          location: { file: options.out },
        });
      }
      process.stdout.write(`已生成模板：${options.out}\n`);
    });
}
