import { isManyDocumentSource } from '../documents/sources/document-source.ts';

/**
 * Which import a path takes: one target file (importFile), or many documents (importMany) from a
 * directory, a .zip or an .ndjson/.jsonl file. Looks at the name, and whether the path is a directory.
 */
export async function detectImportKind(path: string): Promise<'file' | 'many'> {
  return (await isManyDocumentSource(path)) ? 'many' : 'file';
}
