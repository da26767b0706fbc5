import { z } from 'zod';
import { ROLES } from '../domain/access.ts';
import { MAX_PASSWORD_LENGTH } from '../domain/password-policy.ts';
import { PageQuerySchema } from './paging.ts';

/** The keys the use-cases take (a unit-year, a project, the version a write expects), as the API passes them. */
export const UnitYearInputSchema = z.object({
  unitCode: z.string().trim().min(1),
  fiscalYear: z.number().int().min(1990).max(2100),
});

export const ProjectKeyInputSchema = UnitYearInputSchema.extend({ projectCode: z.string().trim().min(1) });

export const ExpectedVersionInputSchema = z.object({ expectedVersion: z.number().int().positive() });

/** Which audit entries of a unit-year (a page of them, or the CSV's all), optionally of one kind of entity. */
export const AuditQueryInputSchema = UnitYearInputSchema.extend({
  ...PageQuerySchema.shape,
  entity: z.string().trim().min(1).max(64).optional(),
});

/** A new account: the CLI, the users page and the first administrator's setup take these fields. */
export const NewUserInputSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{2,64}$/, '用户名应为 2–64 个字母、数字或 _ . @ -'),
  displayName: z.string().trim().max(100).optional(),
  role: z.enum(ROLES),
  orgCode: z.string().trim().max(64).default(''),
  // Length in code points and the rest of the policy: checkPassword (src/domain/password-policy.ts).
  password: z.string().max(MAX_PASSWORD_LENGTH * 4),
});
export type NewUserInput = z.input<typeof NewUserInputSchema>;

/** A column of a payments file: a letter ('B') or a header text of row 1 ('项目编码'). */
const ColumnRefSchema = z.string().trim().min(1).max(100);
const PaymentColumnsSchema = z.object({
  projectCode: ColumnRefSchema,
  /** A payment date (2020-06-15, 2020/6/15) or a month (6, 2020-06, 6月): one of the two. */
  date: ColumnRefSchema,
  amount: ColumnRefSchema,
  source: ColumnRefSchema.optional(),
});

/** A payments file's preview and its apply take the same input (the file's bytes beside it). */
export const ImportPaymentsInputSchema = UnitYearInputSchema.extend({
  fileName: z.string().trim().min(1),
  columns: PaymentColumnsSchema,
  /** Row 1 holds headers (default); header names in `columns` need it. */
  hasHeader: z.boolean().default(true),
  /**
   * The monitoring version of each booked project as the preview answered it (decision 023): stale →
   * CONFLICT, nothing written. Every HTTP apply sends it; only scripts and tests (as the system) leave it out.
   */
  expectedVersions: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type ImportPaymentsInput = z.input<typeof ImportPaymentsInputSchema> & { content: Uint8Array };
