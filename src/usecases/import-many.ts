import type { Db } from '../db/database.ts';
import { findWorkflowStates } from '../db/documents.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError, type ErrorCode, type ErrorIssue, isAppError } from '../domain/errors.ts';
import { lockedMessage } from '../domain/workflow/states.ts';
import type { WorkflowState } from '../domain/workflow/states.ts';
import type { DocumentSource, SourceDocument } from './import-many-sources.ts';
import { type PreparedTargets, prepareTargets, storeTargets } from './import-targets.ts';
import { parseTargets, parseTargetsFile } from './parse-targets.ts';

export interface ImportManyOptions {
  /** The year of documents that do not state one (and must agree with those that do). */
  fiscalYear?: number;
  /** Called after each document of each pass; `total` is undefined while checking an NDJSON file. */
  onProgress?: (phase: 'check' | 'store', done: number, total: number | undefined) => void;
}

export interface ImportManyResult {
  documents: number;
  projects: number;
  indicators: number;
  /** Unit-years that had targets before and were replaced whole. */
  replaced: number;
}

/** Problems listed in the error; the rest are only counted, so a broken source of any size stays small. */
const MAX_ISSUES = 1000;

/**
 * Stores many target documents, each as its unit-year's targets, with memory independent of their
 * number: the source is read one document at a time, twice.
 *
 * The failure rule (what a bulk import should do for the person running it): all or nothing.
 * Pass 1 parses and validates every document and stores nothing; it collects every problem with its
 * file, line and path (bad files, a year missing or contradicting --year, a unit-year given twice,
 * targets under review or approved), so one run lists everything to fix. Only when pass 1 found
 * nothing does pass 2 parse again and store, all documents in one transaction: should the database
 * still refuse something (a NUL byte in a text), nothing of the import remains either.
 */
export async function importMany(db: Db, actor: Actor, source: DocumentSource, options: ImportManyOptions = {}): Promise<ImportManyResult> {
  const checked = await checkAll(db, source, options);
  const result: ImportManyResult = { documents: 0, projects: 0, indicators: 0, replaced: 0 };
  await inTransaction(db, async (trx) => {
    for await (const item of source.documents()) {
      const stored = await storeTargets(trx, actor, await prepare(item, options.fiscalYear));
      result.documents += 1;
      result.projects += stored.projects;
      result.indicators += stored.indicators;
      if (stored.replaced) result.replaced += 1;
      options.onProgress?.('store', result.documents, checked);
    }
  });
  if (result.documents !== checked) {
    // Possible only if the source changed between the passes; the transaction has committed what it read.
    throw new AppError('CONFLICT', `${source.description} 在导入过程中发生了变化（检查 ${checked} 个，导入 ${result.documents} 个）`);
  }
  return result;
}

/** Pass 1: returns the number of documents, or throws one AppError listing every problem. */
async function checkAll(db: Db, source: DocumentSource, options: ImportManyOptions): Promise<number> {
  const problems = new ProblemList();
  const unitYears = new Map<string, SourceDocument>();
  let count = 0;
  for await (const item of source.documents()) {
    count += 1;
    try {
      const { document, fiscalYear } = await prepare(item, options.fiscalYear);
      const key = `${document.unit.code}/${fiscalYear}`;
      const first = unitYears.get(key);
      if (first) {
        const message = `单位 ${document.unit.code} ${fiscalYear} 年度的目标已在 ${where(first)} 中给出`;
        problems.add('VALIDATION', { ...at(item), path: ['unit', 'code'], message }, item);
      } else {
        unitYears.set(key, { file: item.file, line: item.line, content: '' });
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      problems.addError(error, item);
    }
    options.onProgress?.('check', count, source.count);
  }
  if (count === 0) {
    throw new AppError('BAD_INPUT', `${source.description} 中没有可导入的文档（.json、.txt、.docx、.xlsx 或 NDJSON 的行）`);
  }
  await checkEditable(db, unitYears, problems);
  problems.throwIfAny(source.description, count);
  return count;
}

/** Reads and validates one document: the checks importTargets makes, with the source's location. */
async function prepare(item: SourceDocument, fiscalYear: number | undefined): Promise<PreparedTargets> {
  // An NDJSON line is exchange JSON whatever the file is called; errors are re-located below.
  const input = { content: item.content, fileName: item.json ? 'line.json' : item.file, fiscalYear };
  const { document } = item.json ? parseTargets(input) : await parseTargetsFile(input);
  if (document.fiscalYear === undefined) {
    throw new AppError('USAGE', '文件未写明年度，请用 --year 指定', { location: { field: 'fiscalYear' } });
  }
  return prepareTargets({ document, fiscalYear: document.fiscalYear });
}

/** Targets under review or approved (LOCKED) are found in pass 1 with one query, not in pass 2. */
async function checkEditable(db: Db, unitYears: Map<string, SourceDocument>, problems: ProblemList): Promise<void> {
  const keys = [...unitYears.keys()].map((key) => {
    const [unitCode, year] = key.split('/') as [string, string];
    return { unitCode, fiscalYear: Number(year) };
  });
  for (const row of await findWorkflowStates(db.kysely, keys)) {
    const message = lockedMessage(row.state as WorkflowState);
    const item = unitYears.get(`${row.unitCode}/${row.fiscalYear}`);
    if (message !== null && item) problems.add('LOCKED', { ...at(item), message: `单位 ${row.unitCode} ${row.fiscalYear} 年度：${message}` }, item);
  }
}

function at(item: { file: string; line?: number }): ErrorIssue {
  return item.line === undefined ? { file: item.file, message: '' } : { file: item.file, line: item.line, message: '' };
}

function where(item: { file: string; line?: number }): string {
  return item.line === undefined ? item.file : `${item.file} 第 ${item.line} 行`;
}

class ProblemList {
  readonly issues: ErrorIssue[] = [];
  private firstCode: ErrorCode | undefined;
  private total = 0;
  private readonly documents = new Set<string>();

  add(code: ErrorCode, issue: ErrorIssue, item: { file: string; line?: number }): void {
    this.firstCode ??= code;
    this.total += 1;
    this.documents.add(where(item));
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }

  /** Every issue of the error (or the error itself), placed in the source: file, line, path. */
  addError(error: AppError, item: SourceDocument): void {
    const found = error.issues.length > 0 ? error.issues : [{ ...error.location, message: error.message }];
    for (const { file: _inner, line, ...rest } of found) {
      // An NDJSON document is one line of its file; in a file of its own, the reader's line stands.
      const placed = item.line ?? line;
      this.add(error.code, { ...rest, file: item.file, ...(placed === undefined ? {} : { line: placed }) }, item);
    }
  }

  throwIfAny(description: string, documents: number): void {
    if (this.total === 0) return;
    const more = this.total > this.issues.length ? `（另有 ${this.total - this.issues.length} 个问题未列出）` : '';
    const first = this.issues[0]!;
    const summary = `${description}：${documents} 个文档中有 ${this.documents.size} 个有问题，未导入任何内容${more}`;
    throw new AppError(this.firstCode ?? 'VALIDATION', `${summary}。${first.message}`, { location: first, issues: this.issues });
  }
}
