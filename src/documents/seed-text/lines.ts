import { type ReadContext, note } from './context.ts';

/**
 * One line of the source. The seed's tables were exported from Word one cell per line, each cell
 * prefixed by a tab; a line that is only a tab is an empty cell, and a blank line ends a table row.
 */
export interface SourceLine {
  /** 1-based line number in the source text. */
  no: number;
  kind: 'blank' | 'cell' | 'text';
  /** Trimmed text, Word field codes removed; for a cell, the text after its tab. */
  text: string;
  /** The line carried a Word table-of-contents entry: it is a heading, never body text. */
  heading: boolean;
}

/**
 * `TC "entry" \f C \l 1` is a Word table-of-contents field that leaked into the text beside the heading it
 * indexes. Quotes are optional (the seed has none); a bare `\f C \l 1` is the tail of one whose TC was lost.
 */
const SWITCHES = String.raw`(?:\\[fl]\s+"?[A-Za-z0-9]+"?\s*)+`;
const FIELD_CODE = new RegExp(String.raw`(?:(?:^|\s+)TC\s+.*?\s|\s*)${SWITCHES}(?=\s|$)`, 'g');

/** A cell starts with a tab; spaces before it come from indentation and mean nothing. */
const CELL = /^[ \u3000]*\t/;

export function splitLines(ctx: ReadContext, text: string): SourceLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((raw, index) => readLine(ctx, raw, index + 1));
}

function readLine(ctx: ReadContext, raw: string, no: number): SourceLine {
  const codes = raw.match(FIELD_CODE) ?? [];
  const stripped = codes.length > 0 ? raw.replace(FIELD_CODE, '') : raw;
  for (const code of codes) {
    note(ctx, no, 'field-code-stripped', `已去除 Word 目录域代码“${code.trim()}”`);
  }
  const heading = codes.length > 0;
  if (CELL.test(stripped)) {
    return { no, kind: 'cell', text: trim(stripped.replace(CELL, '')), heading };
  }
  const trimmed = trim(stripped);
  return { no, kind: trimmed === '' ? 'blank' : 'text', text: trimmed, heading };
}

/** Trims ASCII and full-width spaces, which Word uses for indentation. */
function trim(text: string): string {
  return text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** Label cells are compared without spaces and with ASCII/full-width punctuation folded. */
export function labelKey(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/：/g, ':')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/％/g, '%');
}
