import { z } from 'zod';
import { ReviewReportSchema } from './review.ts';
import { TargetsDocumentSchema } from './targets.ts';

/** Shapes of the document routes (export files, upload preview and import). */

const ImportNoteSchema = z.object({
  line: z.number().int().describe('Line of a text file, or row of a worksheet (the message names the cell)'),
  code: z.string(),
  message: z.string(),
});

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  document: TargetsDocumentSchema.describe('What would be stored, normalised as the import stores it'),
  notes: z.array(ImportNoteSchema),
  review: ReviewReportSchema.describe('The review rules over the document, under the unit’s policy'),
  replaces: z.boolean().describe('The unit-year has targets now, which the import would replace whole'),
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
