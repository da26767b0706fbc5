import { TARGETS_FORMAT, type TargetsDocument, type Unit } from '../../domain/targets.ts';
import type { ImportNote } from '../../domain/import-note.ts';
import { type ReadContext, fail } from './context.ts';
import { type SourceLine, splitLines } from './lines.ts';
import { type ProjectTable, readProjectTable } from './read-project-table.ts';
import { readOverall } from './read-overall.ts';
import { splitParts } from './sections.ts';
import { splitTables } from './tables.ts';

/*
 * Where the layout is ambiguous, the reader decides as follows (writeSeedText writes accordingly):
 * - Unit: code and name come only from a table's first row ("711002秦皇岛市…": leading digits, then the name).
 *   No table → BAD_INPUT 找不到单位编码. Every table must name the same code and name.
 * - Fiscal year: not in the seed. A cover line before 第一部分 that says "…2021年…绩效目标" states it;
 *   options.fiscalYear sets it, and must agree with a stated one.
 * - 第一部分: sections are found by name (总体绩效目标 / 分项绩效目标 / 工作保障措施, numeral optional, any order,
 *   each optional). A subtitle ending with the section's name is skipped; other text before the first
 *   numbered entry is skipped with a 'text-ignored' note. An unnumbered paragraph continues the entry before it
 *   (joined with "\n"). Details are matched to titles by number; a detail without a title is kept and titled
 *   by its first sentence ('goal-title-derived' note). Under a measure heading, unlabelled text before any
 *   "（一）" item is an item with label "".
 * - 第二部分: starts at the "第二部分" line (a table cell before it is an error). A text line after a blank line
 *   is a table title; a text line directly under a cell is that cell's next paragraph (unless it is a TOC
 *   heading or ends with 绩效目标表). Rows are runs of cell lines separated by blank lines.
 * - In a table: the purpose, spending-plan and goal rows may be missing (→ "", [], []); 其他资金 may be missing
 *   (→ null); the percent row may or may not repeat the empty label cell; an empty 一级/二级 cell repeats the
 *   row above (Word merged cells, 'merged-cell-filled' note); every goal paragraph is one goal, its "1、" /
 *   "1." / "（1）" numbering removed (not the digits of "3.5万人"). Amounts must be 元 ("单位：万元" is refused).
 */

export interface ReadSeedTextOptions {
  /** Named in error locations. */
  fileName?: string;
  /** The seed does not state its year; the caller may. A year the document states must agree. */
  fiscalYear?: number;
}

export interface SeedTextResult {
  document: TargetsDocument;
  /** What was noticed and worked around (stripped field codes, a target without a number…), by line. */
  notes: ImportNote[];
}

/**
 * Reads the seed's text layout (the published 部门整体绩效目标 + 项目绩效目标表 of one unit) into the model.
 * The whole document is read or an AppError('BAD_INPUT') names the line and what was expected there:
 * never a half-read document. Accepts CRLF or LF, a BOM, indentation and Word field codes.
 */
export function readSeedText(text: string, options: ReadSeedTextOptions = {}): SeedTextResult {
  const ctx: ReadContext = { fileName: options.fileName, notes: [] };
  const lines = splitLines(ctx, text);
  const parts = splitParts(ctx, lines);
  const overall = readOverall(ctx, parts);
  const tables = parts.part2 ? splitTables(ctx, parts.part2) : [];
  const read: ProjectTable[] = [];
  // Tables are read in order, each checked against the first one's unit, so the first error by line is the one reported.
  for (const table of tables) read.push(readProjectTable(ctx, table, read.length, read[0]?.unit));
  const unit = documentUnit(ctx, read, parts.part2?.line ?? lastTextLine(lines));
  const fiscalYear = chooseYear(ctx, parts.fiscalYear, options.fiscalYear);
  const document: TargetsDocument = {
    format: TARGETS_FORMAT,
    unit,
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
    overall,
    projects: read.map((table) => table.project),
  };
  return { document, notes: ctx.notes.sort((a, b) => a.line - b.line) };
}

/** The unit is named only in the project tables' first rows: without a table, a document has no unit. */
function documentUnit(ctx: ReadContext, tables: ProjectTable[], where: number): Unit {
  const first = tables[0]?.unit;
  if (!first)
    fail(
      ctx,
      where,
      '找不到单位编码：文档中没有项目绩效目标表（单位编码和名称取自表头，如“711002秦皇岛市山海关区总工会”）',
      'unit',
    );
  return { code: first.code, name: first.name };
}

function chooseYear(
  ctx: ReadContext,
  stated: { year: number; line: number } | null,
  given: number | undefined,
): number | undefined {
  if (stated && given !== undefined && stated.year !== given) {
    fail(ctx, stated.line, `文件写明的年度 ${stated.year} 与指定的年度 ${given} 不一致`, 'fiscalYear');
  }
  return given ?? stated?.year;
}

function lastTextLine(lines: SourceLine[]): number {
  return lines.findLast((line) => line.kind !== 'blank')?.no ?? 1;
}
