/** Codes every entry point must refuse (decision 020): traversal, separators, NUL, bidi, zero-width, space, option-like, Chinese, 41 chars, empty. */
export const HOSTILE_CODES = [
  '../x',
  'a/b',
  'a\\b',
  'x\u0000y',
  'ab\u202ecd',
  'a\u200bb',
  ' 711002',
  '711 002',
  '-rf',
  '单位一',
  'A'.repeat(41),
  '',
];
