import { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { DEMO_UNIT, DEMO_YEAR, loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import { withDatabase } from '../options.ts';

/** `jixiao demo`: the demo data and its public-password accounts, into an empty database, then exit. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('向空数据库载入示例数据与示例账号（密码公开，仅供试用） / load the demo into an empty database')
    .action(async () => {
      const loaded = await withDatabase((db) => loadDemoDataIfEmpty(db));
      if (!loaded) throw new AppError('CONFLICT', '数据库中已有单位：示例数据只载入空数据库（未作任何改动）');
      process.stdout.write(
        `已载入示例数据：${DEMO_UNIT} 秦皇岛市山海关区总工会 ${DEMO_YEAR} 年，及示例账号 czj / zgb / sgh / zgh / sj（密码见 README）\n`,
      );
    });
}
