/**
 * Something a document reader noticed and worked around (a stripped field code, a target without a
 * number…); the document is still complete and usable. Readers in src/documents make them, use-cases
 * pass them on, the CLI and the web app show them.
 */
export interface ImportNote {
  /** 1-based line in the source text (for a .docx, its body element). */
  line: number;
  /** Stable, for programs: 'field-code-stripped', 'target-missing-number', 'target-unparsed', … */
  code: string;
  /** For people, in Chinese. */
  message: string;
}
