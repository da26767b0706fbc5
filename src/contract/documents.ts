import { z } from 'zod';
import { ReviewReportSchema } from './review.ts';
import { TargetsDocumentSchema } from './targets.ts';

/** Shapes of the document routes (export files, upload preview and import). */

const ImportNoteSchema = z.object({
  line: z.number().int().describe('Line of a text file, or row of a worksheet (the message names the cell)'),
  code: z.string(),
  message: z.string(),
});

/** What the table reader made of one grid of an uploaded file (src/documents/layouts/reading.ts, RecognisedTable). */
const TABLE_KINDS = [
  'project-targets',
  'overall-targets',
  'project-evaluation',
  'overall-evaluation',
  'evaluation-indicators',
  'monitoring',
] as const;

const RecognisedTableSchema = z.object({
  grid: z.number().int().describe('1-based index of the grid in the file'),
  source: z.string().describe('Where it is: "第 2 个表格", "工作表“项目表”"'),
  kind: z.enum(TABLE_KINDS).nullable().describe('null: not a performance table (`headers` says what it holds)'),
  layout: z.string().nullable().describe('Layout id ("sichuan-integrated")'),
  layoutName: z.string().nullable().describe('Layout name for people ("四川一体化")'),
  moneyUnit: z
    .object({ unit: z.enum(['元', '万元', '千元']), place: z.string() })
    .nullable()
    .describe('The money unit the table states and where; amounts were converted from it to 元'),
  columns: z
    .array(z.object({ label: z.string(), field: z.string().nullable(), place: z.string() }))
    .describe('Each label found, the model field it fills (null: kept as an extra field) and its cell'),
  rowsRead: z.number().int(),
  rowsSkipped: z.array(z.object({ place: z.string(), reason: z.string() })),
  headers: z.array(z.string()).describe('The first non-empty row’s texts'),
});

const UnitMatchSchema = z.object({
  how: z
    .enum(['stated-code', 'given-code', 'page', 'name'])
    .describe('stated-code: the file’s 单位编码; page: the unit the upload was made on; name: matched by name'),
  stated: z
    .object({ code: z.string().nullable(), name: z.string() })
    .describe('The unit as the file states it (code null: none stated)'),
  unit: z.object({ code: z.string(), name: z.string() }).describe('The stored unit the document goes to'),
});

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  document: TargetsDocumentSchema.describe('What would be stored, normalised as the import stores it'),
  notes: z.array(ImportNoteSchema),
  review: ReviewReportSchema.describe('The review rules over the document, under the unit’s policy'),
  replaces: z.boolean().describe('The unit-year has targets now, which the import would replace whole'),
  // Optional, so that a client built before them still parses a preview (and a server before them is read).
  recognised: z
    .array(RecognisedTableSchema)
    .optional()
    .describe('Per grid of the file, what it was recognised as; empty when a strict reader (Jixiao’s own) read it'),
  unitMatch: UnitMatchSchema.optional().describe('How the unit the document goes to was decided'),
});

export const ImportResultSchema = z.object({
  unitCode: z.string(),
  fiscalYear: z.number().int(),
  projects: z.number().int(),
  indicators: z.number().int(),
  replaced: z.boolean(),
  notes: z.array(ImportNoteSchema),
});

export const UploadQuerySchema = z.object({
  fileName: z.string().min(1).max(255).describe('The uploaded file’s name; its extension helps choose the reader'),
});

export const DOCUMENT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export const BULK_FORMATS = ['docx', 'pdf', 'xlsx', 'json', 'text'] as const;

/** The formats one unit-year's targets download in (`jixiao export`, GET …/export). */
export const EXPORT_FORMATS = ['json', 'text', 'docx', 'pdf', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats that are bytes, not text: written to a file, never to a terminal. */
export const BINARY_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'xlsx'];

/** The 自评表 and the 监控表, and the formats they download in. */
export const REPORT_KINDS = ['evaluation', 'monitoring'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type ImportResult = z.infer<typeof ImportResultSchema>;
export type RecognisedTableView = z.infer<typeof RecognisedTableSchema>;
export type UnitMatchView = z.infer<typeof UnitMatchSchema>;
