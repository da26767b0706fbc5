/**
 * File and zip-entry names built from stored data (unit names, codes written before codes were
 * validated). Defence in depth behind the code validation of decision 020: whatever is stored,
 * a name built here never contains a path separator, `..`, a control, bidi or zero-width
 * character, or a character Windows refuses, and never starts with a dot.
 */

/** Characters replaced by `_`: separators, Windows-reserved, C0/C1 controls, bidi controls, zero-width and BOM. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** One path segment that is safe as a file name or zip entry name; `fallback` when nothing is left. */
export function safeFileName(text: string, fallback = 'file'): string {
  const cleaned = text
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 150);
  return cleaned === '' ? fallback : cleaned;
}

/** ASCII only (the `filename=` fallback of Content-Disposition): anything else becomes `_`. */
export function asciiFileName(text: string, fallback = 'file'): string {
  return safeFileName(text.replace(/[^\x20-\x7e]/g, '_').replace(/[;%]/g, '_'), fallback);
}
