import { z } from 'zod';
import { ORG_CODE_MAX, ORG_CODE_PATTERN, PROJECT_CODE_MAX, PROJECT_CODE_PATTERN } from '../domain/codes.ts';

/**
 * Codes as they may enter through the API and the exchange format (decision 020): the rules of
 * src/domain/codes.ts (which the document readers and the CLI call), as zod schemas, so the
 * OpenAPI document and the exchange format's JSON Schema state them too (pattern, length).
 */

/** A unit, department or bureau code: 711002, 711, SHG-CZJ. */
export const OrgCodeSchema = z
  .string()
  .min(1, { message: '编码不能为空' })
  .max(ORG_CODE_MAX, { message: `编码最长 ${ORG_CODE_MAX} 个字符` })
  .regex(ORG_CODE_PATTERN, { message: '编码只能由英文字母、数字和“-”组成，且以字母或数字开头（如 711002、SHG-CZJ）' })
  .describe(`Unit or organisation code: ASCII letters, digits and "-", 1–${ORG_CODE_MAX} characters`);

/** A project code: 711-0701-JBN-PGN6. */
export const ProjectCodeSchema = z
  .string()
  .min(1, { message: '项目编码不能为空' })
  .max(PROJECT_CODE_MAX, { message: `项目编码最长 ${PROJECT_CODE_MAX} 个字符` })
  .regex(PROJECT_CODE_PATTERN, {
    message: '项目编码只能由英文字母、数字和“-”“_”“.”组成，且以字母或数字开头（如 711-0701-JBN-PGN6）',
  })
  .refine((code) => !code.includes('..'), { message: '项目编码不能包含“..”' })
  .describe(`Project code: ASCII letters, digits, "-", "_" and ".", 1–${PROJECT_CODE_MAX} characters, no ".."`);
