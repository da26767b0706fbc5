import { corpusFile } from '../index.ts';
import type { Format } from '../table.ts';
import type { HoldoutDocument } from './common.ts';
import { evaluationLetters } from './evaluation-letters.ts';
import { evaluationLines } from './evaluation-lines.ts';
import { framedTwo } from './framed-two.ts';
import { monitoringJune } from './monitoring-june.ts';
import { overallDept } from './overall-dept.ts';
import { sheetF10 } from './sheet-f10.ts';
import { spacedLabels } from './spaced-labels.ts';
import { titleInTable } from './title-in-table.ts';

/**
 * The held-out set (issue 15): documents written after the reader, in the ways real departments' files differ, to
 * measure how general the recogniser is rather than how well it fits the corpus it was written with.
 */
export const HOLDOUT: HoldoutDocument[] = [
  titleInTable,
  spacedLabels,
  evaluationLetters,
  framedTwo,
  sheetF10,
  monitoringJune,
  overallDept,
  evaluationLines,
];

/** As corpusFile, with WPS's trailing empty cells added to tab-separated text. */
export async function holdoutFile(document: HoldoutDocument, format: Format): Promise<Uint8Array> {
  const bytes = await corpusFile(document, format);
  if (format !== 'text' || !document.textTrailing || document.text !== 'tab') return bytes;
  const pad = '\t'.repeat(document.textTrailing);
  const text = new TextDecoder().decode(bytes);
  const padded = text
    .split('\n')
    .map((line) => (line.includes('\t') ? line + pad : line))
    .join('\n');
  return new TextEncoder().encode(padded);
}
