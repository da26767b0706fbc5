export { writeTargetsDocx } from './write-docx.ts';
export { readTargetsDocx, type DocxImportNote, type DocxReadResult, type ReadDocxOptions } from './read-docx.ts';
