import type { ResultPage, ResultQuery } from '../contract/results.ts';
import { ResultQuerySchema } from '../contract/results.ts';
import { limitOffset } from '../contract/paging.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { resultPage } from '../db/results-list.repo.ts';
import type { Actor } from '../domain/access.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';

/** The bureau's (a department's: its units') results list: unit-years with grades and their 整改通知 counted. */
export async function getResults(db: Db, actor: Actor, input: ResultQuery): Promise<ResultPage> {
  const query = validateInput(ResultQuerySchema, input, '查询条件');
  const { limit, offset } = limitOffset(query);
  const { rows, total } = await resultPage(db.kysely, {
    scope: unitScopeOf(actor),
    filters: {
      fiscalYear: query.year,
      grade: query.grade,
      status: query.status,
      overdue: query.overdue,
      search: query.search,
    },
    today: todayUtc(),
    limit,
    offset,
  });
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}
