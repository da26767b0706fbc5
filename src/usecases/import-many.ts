import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { documentKey, lockExistingDocuments, preferFastCompression } from '../db/targets-batch.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError, isAppError } from '../domain/errors.ts';
import { lockedMessage } from '../domain/workflow/states.ts';
import type { WorkflowState } from '../domain/workflow/states.ts';
import { type DocumentSource, type SourceDocument, openDocumentSource } from '../documents/sources/document-source.ts';
import { type DocumentPlace, ProblemList, at, where } from '../domain/import-problems.ts';
import { type PreparedTargets, prepareParsedTargets, prepareTargets } from '../contract/prepare-targets.ts';
import { storeTargetsBatch } from './store-targets-batch.ts';
import { detectDocumentKind } from '../documents/targets-file.ts';
import { parseTargetsFile } from './parse-targets.ts';

export interface ImportManyOptions {
  /** The year of documents that do not state one (and must agree with those that do). */
  fiscalYear?: number;
  /** Called after each document is checked and after it is stored; `total` is undefined for an NDJSON file. */
  onProgress?: (phase: 'check' | 'store', done: number, total: number | undefined) => void;
}

export interface ImportManyResult {
  documents: number;
  projects: number;
  indicators: number;
  /** Unit-years that had targets before and were replaced whole. */
  replaced: number;
}

/** A batch is stored when it holds this many projects (or documents): bounded memory, few statements. */
const BATCH_PROJECTS = 500;
const BATCH_DOCUMENTS = 50;
/** Batches sent and not yet stored: two keep the server busy while this process prepares the next. */
const MAX_IN_FLIGHT = 2;

/**
 * Stores many target documents, each as its unit-year's targets, with memory independent of their
 * number: the source is read once, one document at a time, and stored in bounded batches.
 *
 * The failure rule (what a bulk import should do for the person running it): all or nothing.
 * Everything happens in one transaction. Each document is parsed and validated; every problem is
 * collected with its file, line and path (bad files, a year missing or contradicting --year, a
 * unit-year given twice, targets under review or approved), so one run lists everything to fix.
 * Valid documents are stored batch by batch while no problem has been found; from the first
 * problem on, the rest is only checked. At the end, any problem (or a refusal by the database,
 * e.g. a NUL byte in a text) rolls the transaction back: nothing of the import remains.
 */
export async function importMany(
  db: Db,
  actor: Actor,
  path: string,
  options: ImportManyOptions = {},
): Promise<ImportManyResult> {
  // A directory, a .zip or an .ndjson file, read one document at a time by the documents layer.
  const source = await openDocumentSource(path);
  return inTransaction(db, async (trx) => {
    await preferFastCompression(trx);
    return new ImportRun(trx, actor, source, options).run();
  });
}

interface Checked {
  prepared: PreparedTargets;
  item: DocumentPlace;
}

class ImportRun {
  private readonly problems = new ProblemList();
  /** Where each unit-year was first given: to refuse a second one (a few bytes per document). */
  private readonly unitYears = new Map<string, DocumentPlace>();
  private readonly result: ImportManyResult = { documents: 0, projects: 0, indicators: 0, replaced: 0 };
  private batch: Checked[] = [];
  private batchProjects = 0;
  private count = 0;
  /** Batches handed to the database, oldest first; they never reject (see storeBatch). */
  private readonly storing: Promise<void>[] = [];
  private databaseError: unknown;
  private failed = false;

  constructor(
    private readonly trx: Executor,
    private readonly actor: Actor,
    private readonly source: DocumentSource,
    private readonly options: ImportManyOptions,
  ) {}

  async run(): Promise<ImportManyResult> {
    try {
      for await (const item of this.source.documents()) {
        this.count += 1;
        await this.check(item);
        this.options.onProgress?.('check', this.count, this.source.count);
        if (this.batchProjects >= BATCH_PROJECTS || this.batch.length >= BATCH_DOCUMENTS) await this.flush();
      }
      await this.flush();
    } finally {
      // Whatever ends the loop, the batches in flight finish before the transaction does: a
      // statement sent after the ROLLBACK would run outside it.
      await Promise.all(this.storing);
    }
    if (this.count === 0) {
      throw new AppError(
        'BAD_INPUT',
        `${this.source.description} 中没有可导入的文档（.json、.txt、.docx、.xlsx 或 NDJSON 的行）`,
      );
    }
    this.problems.throwIfAny(this.source.description, this.count);
    if (this.failed) throw this.databaseError;
    return this.result;
  }

  /** Validates one document; a valid one joins the batch, a broken one adds its problems. */
  private async check(item: SourceDocument): Promise<void> {
    const place: DocumentPlace = item.line === undefined ? { file: item.file } : { file: item.file, line: item.line };
    try {
      const prepared = await prepare(item, this.options.fiscalYear);
      const key = documentKey(prepared);
      const first = this.unitYears.get(key);
      if (first) {
        const message = `单位 ${prepared.document.unit.code} ${prepared.fiscalYear} 年度的目标已在 ${where(first)} 中给出`;
        this.problems.add('VALIDATION', { ...at(item), path: ['unit', 'code'], message }, item);
        return;
      }
      this.unitYears.set(key, place);
      this.batch.push({ prepared, item: place });
      this.batchProjects += prepared.document.projects.length;
    } catch (error) {
      if (!isAppError(error)) throw error;
      this.problems.addError(error, item);
    }
  }

  /**
   * Hands the batch to the database without waiting for it: its statements run on the server
   * while this process validates the next batch and serialises the one after (one transaction, so
   * they queue on one connection, in order). Batches are of distinct unit-years, so their
   * statements may interleave. At most MAX_IN_FLIGHT batches wait, bounding memory.
   */
  private async flush(): Promise<void> {
    if (this.storing.length >= MAX_IN_FLIGHT) await this.storing.shift();
    const batch = this.batch;
    this.batch = [];
    this.batchProjects = 0;
    if (batch.length > 0) this.storing.push(this.storeBatch(batch));
  }

  /**
   * Locks the batch's existing unit-years and lists those under review or approved; stores the
   * batch only while the import has no problem. A database error is kept, not thrown, so the
   * rest is still checked; after it the transaction is aborted and asks the database nothing more.
   */
  private async storeBatch(batch: Checked[]): Promise<void> {
    if (this.failed) return;
    try {
      const existing = await lockExistingDocuments(
        this.trx,
        batch.map(({ prepared }) => ({ unitCode: prepared.document.unit.code, fiscalYear: prepared.fiscalYear })),
      );
      for (const { prepared, item } of batch) {
        const message = lockedMessage((existing.get(documentKey(prepared))?.state ?? 'draft') as WorkflowState);
        if (message !== null)
          this.problems.addLocked(
            { ...at(item), message: `单位 ${prepared.document.unit.code} ${prepared.fiscalYear} 年度：${message}` },
            item,
          );
      }
      if (this.problems.any) return;
      for (const stored of await storeTargetsBatch(
        this.trx,
        this.actor,
        batch.map(({ prepared }) => prepared),
        existing,
      )) {
        this.result.documents += 1;
        this.result.projects += stored.projects;
        this.result.indicators += stored.indicators;
        if (stored.replaced) this.result.replaced += 1;
        this.options.onProgress?.('store', this.result.documents, this.source.count);
      }
    } catch (error) {
      // The first refusal is the cause; statements queued after it fail only because it aborted the transaction.
      if (!this.failed) this.databaseError = error;
      this.failed = true;
    }
  }
}

/** Reads and validates one document: the checks importTargets makes, with the source's location. */
async function prepare(item: SourceDocument, fiscalYear: number | undefined): Promise<PreparedTargets> {
  // An NDJSON line is exchange JSON whatever the file is called; errors are re-located by ProblemList.
  const input = { content: item.content, fileName: item.json ? 'line.json' : item.file, fiscalYear };
  const json = item.json === true || detectDocumentKind(item.content, item.file) === 'json';
  const { document: stated } = await parseTargetsFile(input);
  if (stated.fiscalYear === undefined) {
    throw new AppError('USAGE', '文件未写明年度，请用 --year 指定', { location: { field: 'fiscalYear' } });
  }
  // Matching a unit by name needs a person to confirm close matches: a bulk import takes only documents with codes.
  const code = stated.unit.code;
  if (code === null) {
    throw new AppError(
      'BAD_INPUT',
      `未写明单位编码（单位“${stated.unit.name}”）：请单独导入，用 --unit 编码 指定单位`,
      {
        location: { path: ['unit', 'code'] },
      },
    );
  }
  const document = { ...stated, unit: { code, name: stated.unit.name } };
  // Exchange JSON was validated against the document schema by parseTargetsFile; the other readers' output is validated here.
  const target = { document, fiscalYear: stated.fiscalYear };
  return json ? prepareParsedTargets(target) : prepareTargets(target);
}
