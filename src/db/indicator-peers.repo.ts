import { sql } from 'kysely';
import type { IndicatorPeer } from '../domain/review/unit-cost.ts';
import { chainFrom, subtreeFrom } from './org-tree.sql.ts';
import type { Executor } from './schema.ts';

/** Spaces of any kind, as the review folds names (ideographic space included). Rates and money are never priced. */
const SPACES = '[[:space:]\u3000]+';

/**
 * The peers of a unit-year's 数量指标 for appropriateness.unit-cost (decision 032), in one set-based query: the
 * same unit's targets of the year before, and every other unit's targets of the same year under the same bureau
 * (the topmost bureau above the unit, at any depth). Only 产出 rows filed as 数量指标 with a positive number and a
 * project with a positive 预算数, and only the names asked for (spaces removed, as `names` are), so a city-sized
 * bureau returns its few comparable rows, not its indicators. The domain folds names further (NFKC) and prices them.
 */
export async function listIndicatorPeers(
  db: Executor,
  input: { unitCode: string; fiscalYear: number; names: readonly string[] },
): Promise<IndicatorPeer[]> {
  if (input.names.length === 0) return [];
  const { unitCode, fiscalYear } = input;
  const start = sql`select o.id, o.code, o.name, o.kind, o.parent_id
      from units u join organisations o on o.id = u.parent_id where u.code = ${unitCode}`;
  // The topmost bureau above the unit: the organisation tree's own walks (org-tree.sql.ts), up then down.
  const bureau = sql`select c.id from ${chainFrom(start)} c where c.kind = 'bureau' order by c.depth desc limit 1`;
  const result = await sql<{
    source: IndicatorPeer['source'];
    unit_code: string;
    fiscal_year: number;
    project_code: string;
    name: string;
    unit: string;
    quantity: number;
    budget_total: string;
  }>`
    select case when u.code = ${unitCode} then 'last-year' else 'bureau' end as source,
           u.code as unit_code, d.fiscal_year, p.code as project_code, i.name, i.target_unit as unit,
           i.target_value as quantity, p.budget_total::text as budget_total
      from indicators i
      join projects p on p.id = i.project_id
      join target_documents d on d.id = p.document_id
      join units u on u.id = d.unit_id
     where i.category = 'output'
       and i.target_value > 0
       and i.target_unit is not null
       and i.target_unit not in ('%', '％', '‰', '百分比', '百分点', '元', '万元', '亿元')
       and coalesce(i.target_op, '') not in ('<=', '<')
       and p.budget_total > 0
       and regexp_replace(i.level2, ${SPACES}, '', 'g') = '数量指标'
       and regexp_replace(i.name, ${SPACES}, '', 'g') = any(${[...input.names]}::text[])
       and ((u.code = ${unitCode} and d.fiscal_year = ${fiscalYear - 1})
         or (d.fiscal_year = ${fiscalYear} and u.code <> ${unitCode} and u.parent_id in ${subtreeFrom(bureau)}))
     order by source, u.code, p.code, i.position`.execute(db);
  return result.rows.map((row) => ({
    source: row.source,
    unitCode: row.unit_code,
    fiscalYear: row.fiscal_year,
    projectCode: row.project_code,
    name: row.name,
    unit: row.unit,
    quantity: Number(row.quantity),
    budgetTotal: row.budget_total,
  }));
}
