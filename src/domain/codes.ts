import { foldName } from './unit-match.ts';

/**
 * The shapes a code may have, wherever it enters (URL, body, CLI option, imported document). Codes
 * travel into URLs, file names, zip entries and log lines, so the pattern is a short allow-list:
 * ASCII letters and digits with a few separators, bounded length. Pure: the zod schemas in
 * src/contract/codes.ts, the document readers and the CLI all call these (decision 020).
 */

/** Unit and organisation codes: 711002, 711, SHG-CZJ, 301-02. Letters, digits, `-`; starts with a letter or digit. */
export const ORG_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
export const ORG_CODE_MAX = 40;

/** Project codes: 711-0701-JBN-PGN6, 2024_01, A.1. Also `_` and `.`; never `..`; starts with a letter or digit. */
export const PROJECT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const PROJECT_CODE_MAX = 64;

/** Why `code` is not a valid unit or organisation code, in Chinese; null when it is valid. */
export function checkOrgCode(code: string): string | null {
  return checkCode(
    code,
    ORG_CODE_PATTERN,
    ORG_CODE_MAX,
    '编码只能由英文字母、数字和“-”组成，且以字母或数字开头（如 711002、SHG-CZJ）',
  );
}

/** Why `code` is not a valid project code, in Chinese; null when it is valid. */
export function checkProjectCode(code: string): string | null {
  const problem = checkCode(
    code,
    PROJECT_CODE_PATTERN,
    PROJECT_CODE_MAX,
    '项目编码只能由英文字母、数字和“-”“_”“.”组成，且以字母或数字开头（如 711-0701-JBN-PGN6）',
  );
  if (problem !== null) return problem;
  return code.includes('..') ? '项目编码不能包含“..”' : null;
}

function checkCode(code: string, pattern: RegExp, max: number, shape: string): string | null {
  if (code.length === 0) return '编码不能为空';
  if (code.length > max) return `编码最长 ${max} 个字符（收到 ${code.length} 个）`;
  if (!pattern.test(code)) return `${shape}，收到“${printable(code)}”`;
  return null;
}

/** The code as it may be shown in a message: controls and non-ASCII as \u escapes, cut to 50 characters. */
function printable(text: string): string {
  const shown = [...text.slice(0, 50)]
    .map((ch) => (/^[\x20-\x7e]$/.test(ch) ? ch : `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`))
    .join('');
  return text.length > 50 ? `${shown}…` : shown;
}

/**
 * A stable key for a project whose document states no 项目编码 (most provincial tables, guide §8): "N-" and
 * 10 base-36 digits of the FNV-1a 64-bit hash of the name with spaces removed and full-width forms folded (NFKC),
 * so the same project read again next year, or from Word instead of Excel, gets the same key. The user may
 * replace it with the real code; `derivedCode` on the project says it was derived.
 */
export function deriveProjectCode(projectName: string): string {
  const text = foldName(projectName);
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `N-${hash.toString(36).toUpperCase().padStart(13, '0').slice(-10)}`;
}
