import { AppError } from '../../domain/errors.ts';
import type { ImportNote } from '../../domain/import-note.ts';

/** What every part of the reader shares: where the text came from and what it has noticed so far. */
export interface ReadContext {
  fileName: string | undefined;
  notes: ImportNote[];
}

export function note(ctx: ReadContext, line: number, code: string, message: string): void {
  ctx.notes.push({ line, code, message });
}

/** Every reading failure names the 1-based line and what was expected there. */
export function fail(ctx: ReadContext, line: number, message: string, field?: string): never {
  throw new AppError('BAD_INPUT', `第 ${line} 行：${message}`, {
    location: { ...(ctx.fileName ? { file: ctx.fileName } : {}), line, ...(field ? { field } : {}) },
  });
}

/** Quotes cell text in a message, shortened so that a runaway paragraph does not drown the error. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return `“${oneLine.length > 30 ? `${oneLine.slice(0, 30)}…` : oneLine}”`;
}
