import { anhui } from './specs/anhui.ts';
import { central } from './specs/central.ts';
import { chongqingOverall } from './specs/chongqing-overall.ts';
import { hebeiSeed } from './specs/hebei-seed.ts';
import { hubei } from './specs/hubei.ts';
import { hunan } from './specs/hunan.ts';
import { monitoring } from './specs/monitoring.ts';
import { projectEvaluation } from './specs/project-evaluation.ts';
import { sichuanIntegrated } from './specs/sichuan-integrated.ts';
import type { CorpusDocument, Format } from './table.ts';
import { corpusDocx } from './write-docx.ts';
import { corpusText } from './write-text.ts';
import { corpusXlsx } from './write-xlsx.ts';

/** The corpus (issue 15, item 9): one document per layout, each written as .docx, .xlsx and text. */
export const CORPUS: CorpusDocument[] = [
  hebeiSeed,
  central,
  hubei,
  hunan,
  sichuanIntegrated,
  anhui,
  chongqingOverall,
  projectEvaluation,
  monitoring,
];

export const FORMATS: Format[] = ['docx', 'xlsx', 'text'];

export function corpusFileName(document: CorpusDocument, format: Format): string {
  return `${document.id}.${format === 'text' ? 'txt' : format}`;
}

/** The file's bytes (text as UTF-8, as a browser upload or `jixiao parse` would read it). */
export async function corpusFile(document: CorpusDocument, format: Format): Promise<Uint8Array> {
  if (format === 'docx') return corpusDocx(document);
  if (format === 'xlsx') return corpusXlsx(document);
  return new TextEncoder().encode(corpusText(document));
}
