/*
 * Text and attribute values for hand-written WordprocessingML. XML 1.0 cannot carry most C0 control
 * characters even as references (&#1; is not well-formed), nor U+FFFE/U+FFFF or unpaired surrogates:
 * those are dropped, so a stray control character pasted into a project name never makes Word refuse
 * the whole file. Tab, LF and CR are legal and kept (the writers split lines themselves).
 */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escaped for element content and for attribute values in double quotes. */
export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '').replace(SPECIAL, (ch) => ENTITY[ch]!);
}
