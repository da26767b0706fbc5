import { AppError, type ErrorCode, type ErrorIssue, type ErrorLocation } from './errors.ts';

/** Problems listed in the error; the rest are only counted, so a broken source of any size stays small. */
const MAX_ISSUES = 1000;

/** Where a document came from: its file, and for an NDJSON document its line. */
export interface DocumentPlace {
  file: string;
  line?: number;
}

export function at(item: DocumentPlace): ErrorIssue {
  return item.line === undefined ? { file: item.file, message: '' } : { file: item.file, line: item.line, message: '' };
}

export function where(item: DocumentPlace): string {
  return item.line === undefined ? item.file : `${item.file} 第 ${item.line} 行`;
}

/** The kinds of file that cannot be read at all, each worded by the web from its key (decision 043). */
export type FileProblem =
  | 'missing'
  | 'old-word'
  | 'not-word'
  | 'not-excel'
  | 'unreadable-workbook'
  | 'no-sheet'
  | 'missing-sheet'
  | 'xml-too-large'
  | 'xml-declaration'
  | 'xml-malformed'
  | 'line-too-long'
  | 'quote-unclosed';

/**
 * A file that cannot be read: BAD_INPUT with the Chinese sentence, and beside it the problem's kind and
 * the file, line and sheet facts, so the English page says what is wrong and where.
 */
export function fileProblem(
  problem: FileProblem,
  message: string,
  location: ErrorLocation & { sheet?: string },
): AppError {
  const { sheet, ...place } = location;
  return new AppError('BAD_INPUT', message, {
    location: sheet === undefined ? place : { ...place, field: sheet },
    details: { reason: 'file.problem', problem, file: place.file, line: place.line, sheet },
  });
}

/**
 * Every problem of a many-document import, in the order the error lists them: the document's own
 * problems in source order first, then the unit-years whose targets are locked (under review or
 * approved), which are found per batch against the database but listed after, as the two-pass
 * import listed them.
 */
export class ProblemList {
  private readonly issues: ErrorIssue[] = [];
  private readonly lockedIssues: ErrorIssue[] = [];
  private firstCode: ErrorCode | undefined;
  private total = 0;
  private readonly documents = new Set<string>();

  get any(): boolean {
    return this.total > 0;
  }

  add(code: ErrorCode, issue: ErrorIssue, item: DocumentPlace): void {
    this.firstCode ??= code;
    this.count(item);
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }

  addLocked(issue: ErrorIssue, item: DocumentPlace): void {
    this.count(item);
    if (this.lockedIssues.length < MAX_ISSUES) this.lockedIssues.push(issue);
  }

  /** Every issue of the error (or the error itself), placed in the source: file, line, path. */
  addError(error: AppError, item: DocumentPlace): void {
    const found = error.issues.length > 0 ? error.issues : [{ ...error.location, message: error.message }];
    for (const { file: _inner, line, ...rest } of found) {
      // An NDJSON document is one line of its file; in a file of its own, the reader's line stands.
      const placed = item.line ?? line;
      this.add(error.code, { ...rest, file: item.file, ...(placed === undefined ? {} : { line: placed }) }, item);
    }
  }

  throwIfAny(description: string, documents: number): void {
    if (this.total === 0) return;
    const issues = [...this.issues, ...this.lockedIssues].slice(0, MAX_ISSUES);
    const more = this.total > issues.length ? `（另有 ${this.total - issues.length} 个问题未列出）` : '';
    const first = issues[0]!;
    const summary = `${description}：${documents} 个文档中有 ${this.documents.size} 个有问题，未导入任何内容${more}`;
    throw new AppError(this.firstCode ?? 'LOCKED', `${summary}。${first.message}`, {
      location: first,
      issues,
      // The counts, for the English page (decision 043); each issue keeps its file and line.
      details: { reason: 'import.problems', documents, broken: this.documents.size },
    });
  }

  private count(item: DocumentPlace): void {
    this.total += 1;
    this.documents.add(where(item));
  }
}
