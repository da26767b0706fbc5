import type { ImportNote } from '../domain/import-note.ts';

/** What the importer noticed (stripped field codes, a target without a number…), on stderr. */
export function writeNotes(notes: ImportNote[], fileName: string): void {
  for (const note of notes) {
    process.stderr.write(`jixiao: 注意 ${fileName}:${note.line}: ${note.message}\n`);
  }
}
