import { z } from 'zod';
import { parseAmountToCents } from '../domain/money.ts';

/**
 * Text hygiene for every edge (HTTP API, exchange JSON, Word/Excel/text import): reusable zod
 * building blocks, so the API and the import share one rule (decision 021).
 *
 * - No text anywhere may hold NUL (PostgreSQL refuses it in text) or another C0/C1 control
 *   character; long free text may hold tab, line feed and carriage return.
 * - Names (units, projects, indicators, titles) are one line: no control character at all, no bidi
 *   override or isolate (U+202A–U+202E, U+2066–U+2069: "Trojan Source" text that reads differently
 *   from what it is) and no zero-width character (U+200B–U+200D, U+2060, U+FEFF: two names that look
 *   the same but differ); at most NAME_MAX characters.
 * - Amounts are 元 with two decimals, never negative, at most AMOUNT_MAX_YUAN.
 */

const NAME_MAX = 200;
/** Free text (purposes, goals, opinions): generous, the body limit bounds a request anyway. */
const TEXT_MAX = 20_000;
/** 10¹³ 元: far above any public budget, far below what 分 in a bigint or numeric could not hold. */
const AMOUNT_MAX_YUAN = 10n ** 13n;

const C0_BUT_TAB_LF_CR = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F';
const DEL_AND_C1 = '\\u007F-\\u009F';
const LINE_BREAKS = '\\t\\n\\r\\u2028\\u2029';
const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
const ZERO_WIDTH = '\\u200B-\\u200D\\u2060\\uFEFF';

/** Characters no text may hold (NUL and the other controls except tab, LF, CR). */
export const FORBIDDEN_IN_TEXT = new RegExp(`[${C0_BUT_TAB_LF_CR}${DEL_AND_C1}]`, 'u');
/** Characters a name or a code may not hold: the above, line breaks, bidi controls, zero-width characters. */
export const FORBIDDEN_IN_NAME = new RegExp(
  `[${C0_BUT_TAB_LF_CR}${DEL_AND_C1}${LINE_BREAKS}${BIDI_CONTROLS}${ZERO_WIDTH}]`,
  'u',
);
/** Invisible characters that imported Word/Excel text may carry harmlessly (see cleanImportedText). */
export const INVISIBLE_FORMATTING = new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}]`, 'gu');

/** "U+0000 (第 3 个字符)": which character, and where, so a user can find an invisible one. */
export function describeForbidden(text: string, forbidden: RegExp): string | null {
  const match = new RegExp(forbidden.source, 'u').exec(text);
  if (!match) return null;
  const codePoint = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${codePoint}（第 ${[...text.slice(0, match.index)].length + 1} 个字符）`;
}

function withoutForbidden(schema: z.ZodString, forbidden: RegExp, what: string): z.ZodString {
  // A regex check (not a refine) keeps the JSON Schema honest: it carries the pattern.
  return schema.regex(new RegExp(`^[^${forbidden.source.slice(1, -1)}]*$`, 'u'), {
    error: (issue) => {
      const where = typeof issue.input === 'string' ? describeForbidden(issue.input, forbidden) : null;
      return `${what}含有不允许的字符 ${where ?? ''}`.trim();
    },
  });
}

/** A one-line name, trimmed: no control, bidi or zero-width character, at most `max` characters. */
export function safeName(max = NAME_MAX): z.ZodString {
  return withoutForbidden(
    z
      .string()
      .trim()
      .max(max, { error: `名称过长：最多 ${max} 个字符` }),
    FORBIDDEN_IN_NAME,
    '名称',
  );
}

/** Free text: tab and line breaks allowed, no other control character; at most `max` characters. */
export function safeText(max = TEXT_MAX): z.ZodString {
  return withoutForbidden(z.string().max(max, { error: `文字过长：最多 ${max} 个字符` }), FORBIDDEN_IN_TEXT, '文字');
}

/** The canonical exchange-format amount, "20000.00": 元, two decimals, 0 … 10¹³ 元. */
export function amountYuan(): z.ZodString {
  return z
    .string()
    .regex(/^\d{1,14}\.\d{2}$/, { error: '金额应为不小于 0 的元数，保留两位小数，如 "20000.00"' })
    .refine((text) => (parseAmountToCents(text) ?? 0n) <= AMOUNT_MAX_YUAN * 100n, {
      error: `金额过大：最多 ${AMOUNT_MAX_YUAN} 元`,
    });
}

/** An amount as a person types it ("20,000", "20000.5"): 元, at most two decimals, 0 … 10¹³ 元. */
export function amountInput(): z.ZodString {
  return z
    .string()
    .max(40)
    .refine((text) => (parseAmountToCents(text) ?? -1n) >= 0n, { error: '金额应为不小于 0 的元数，最多两位小数' })
    .refine((text) => (parseAmountToCents(text) ?? 0n) <= AMOUNT_MAX_YUAN * 100n, {
      error: `金额过大：最多 ${AMOUNT_MAX_YUAN} 元`,
    });
}
