import { FORBIDDEN_IN_TEXT, INVISIBLE_FORMATTING } from '../contract/text.ts';
import type { ImportNote } from '../domain/import-note.ts';

/** Keys of the exchange format whose text is a one-line name (the schema refuses line breaks there). */
const NAME_KEYS = new Set(['name', 'level1', 'level2']);

const CONTROLS = new RegExp(FORBIDDEN_IN_TEXT.source, 'gu');
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/gu;

/**
 * Word, Excel and pasted text carry invisible characters a person never typed on purpose: zero-width
 * spaces and joiners, byte-order marks, bidi marks, and stray control characters (Word's vertical tab
 * for a soft line break). A document read from such a file is cleaned before the schema sees it — the
 * invisible characters removed, controls and (in names) line breaks turned into one space — and each
 * changed field is named in a note, so nothing changes silently (decision 021). Exchange JSON is
 * not cleaned: a program wrote it, and the schema refuses what it must not hold.
 */
export function cleanImportedText<T extends object>(document: T): { document: T; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const cleaned = walk(document, [], notes) as T;
  return { document: cleaned, notes };
}

function walk(value: unknown, path: (string | number)[], notes: ImportNote[]): unknown {
  if (typeof value === 'string') return cleanString(value, path, notes);
  if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index], notes));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key], notes)]));
  }
  return value;
}

function cleanString(text: string, path: (string | number)[], notes: ImportNote[]): string {
  const isName = NAME_KEYS.has(String(path.at(-1)));
  let cleaned = text.replace(INVISIBLE_FORMATTING, '').replace(CONTROLS, ' ');
  if (isName) cleaned = cleaned.replace(LINE_BREAKS, ' ');
  if (cleaned === text) return text;
  const removed = [...new Set([...text].filter((c) => !cleaned.includes(c)))].map(
    (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  notes.push({
    line: 0,
    code: 'text-cleaned',
    message: `${path.join('.')}：去除了不可见字符或控制字符（${removed.join('、') || '换行'}）`,
  });
  return cleaned;
}
