import { z } from 'zod';
import { PageQuerySchema, type Page, limitOffset } from '../contract/paging.ts';
import { type AuditRow, countAuditEntries, findAuditEntries } from '../db/audit-query.repo.ts';
import type { Db } from '../db/database.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

const AuditQueryInputSchema = UnitYearInputSchema.extend({
  ...PageQuerySchema.shape,
  entity: z.string().trim().min(1).max(64).optional(),
});

export interface AuditEntry {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  action: string;
  unitCode: string | null;
  fiscalYear: number | null;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

export type AuditListing = Page<AuditEntry>;

/** One page of a unit-year's audit log, newest first, optionally of one kind of entity ('project', …). */
export async function listAudit(
  db: Db,
  input: { unitCode: string; fiscalYear: number; entity?: string; page?: number; pageSize?: number },
): Promise<AuditListing> {
  const query = validateInput(AuditQueryInputSchema, input, '审计日志查询条件');
  const filter = { unitCode: query.unitCode, fiscalYear: query.fiscalYear, entity: query.entity };
  const [rows, total] = await Promise.all([
    findAuditEntries(db.kysely, filter, limitOffset(query)),
    countAuditEntries(db.kysely, filter),
  ]);
  return { items: rows.map(toEntry), total, page: query.page, pageSize: query.pageSize };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actorName,
    action: row.action,
    unitCode: row.unitCode,
    fiscalYear: row.fiscalYear,
    entity: row.entity,
    entityKey: row.entityKey,
    before: row.before,
    after: row.after,
  };
}

const CSV_HEADER = ['时间(UTC)', '操作人', '操作', '单位', '年度', '对象', '对象编码', '修改前', '修改后'];
const MAX_CSV_ROWS = 100_000;

/**
 * The unit-year's audit log (up to 100,000 entries, newest first) as CSV (RFC 4180). Starts with a
 * UTF-8 BOM: without it Excel reads the file as the local code page and garbles the Chinese.
 */
export async function exportAuditCsv(
  db: Db,
  input: { unitCode: string; fiscalYear: number; entity?: string },
): Promise<string> {
  const query = validateInput(AuditQueryInputSchema, input, '审计日志查询条件');
  const filter = { unitCode: query.unitCode, fiscalYear: query.fiscalYear, entity: query.entity };
  const entries = (await findAuditEntries(db.kysely, filter, { limit: MAX_CSV_ROWS, offset: 0 })).map(toEntry);
  const lines = [
    CSV_HEADER,
    ...entries.map((e) => [
      e.at,
      e.actor,
      e.action,
      e.unitCode ?? '',
      e.fiscalYear === null ? '' : String(e.fiscalYear),
      e.entity,
      e.entityKey,
      json(e.before),
      json(e.after),
    ]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** Quotes every cell that needs it; a leading = + - @ is prefixed with ' so Excel does not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
