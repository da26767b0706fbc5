import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import {
  BULK_FORMATS,
  DOCUMENT_FORMATS,
  ImportPreviewSchema,
  ImportResultSchema,
  UploadQuerySchema,
} from '../../contract/documents.ts';
import { JOB_HEADER } from '../../contract/jobs.ts';
import type { Db } from '../../db/database.ts';
import { writeTemplateXlsx } from '../../documents/xlsx/index.ts';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../documents/zip-guard.ts';
import { AppError } from '../../domain/errors.ts';
import { asciiFileName, safeFileName } from '../../domain/file-names.ts';
import { exportBulk } from '../../usecases/export-bulk.ts';
import { exportTargets } from '../../usecases/export-targets.ts';
import { importFile } from '../../usecases/import-file.ts';
import { previewImport } from '../../usecases/preview-import.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Uploads are the file's bytes as the body (any of these types); the name comes in ?fileName=. */
const UPLOAD_TYPES = ['application/octet-stream', XLSX_TYPE, DOCX_TYPE, 'application/json', 'text/plain'];

const ExportParamsSchema = UnitYearParamsSchema.extend({ format: z.enum(DOCUMENT_FORMATS) });
const BulkParamsSchema = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
const BulkQuerySchema = z.object({ format: z.enum(BULK_FORMATS).default('docx') });

/**
 * "attachment" with an ASCII fallback and the real (Chinese) name per RFC 5987/6266. Both names are
 * made safe here, whatever stored data built them (decision 020): no path, quote or control character.
 */
export function attachment(
  reply: FastifyReply,
  contentType: string,
  fileName: string,
  asciiName: string,
): FastifyReply {
  return reply
    .header('Content-Type', contentType)
    .header(
      'Content-Disposition',
      `attachment; filename="${asciiFileName(asciiName)}"; filename*=UTF-8''${encodeURIComponent(safeFileName(fileName))}`,
    );
}

/**
 * Documents: a unit-year as .docx/.pdf/.xlsx, the blank Excel template, upload preview and import
 * of a file (.xlsx/.docx/.txt/.json), and every unit of a year as one streamed .zip.
 */
export function documentRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    // JSON and text uploads arrive as bytes too (decoded by the reader); this parser lives in this plugin only.
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: DEFAULT_MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      '/api/units/:unitCode/years/:year/export.:format',
      {
        config: { access: { permission: 'targets:read' }, heavy: true },
        schema: {
          summary: "A unit-year's targets in the official layout as Word, PDF or Excel",
          tags: ['documents'],
          params: ExportParamsSchema,
        },
      },
      async (request, reply) => {
        const { unitCode, year, format } = request.params;
        const file = await exportTargets(db, { unitCode, fiscalYear: year, format });
        return attachment(reply, file.contentType, file.fileName, `${unitCode}-${year}.${file.extension}`).send(
          file.content,
        );
      },
    );

    app.get(
      '/api/template.xlsx',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'The blank Excel template for bulk entry (drop-downs, instructions)', tags: ['documents'] },
      },
      async (_request, reply) =>
        attachment(reply, XLSX_TYPE, '绩效目标填报模板.xlsx', 'jixiao-template.xlsx').send(await writeTemplateXlsx()),
    );

    app.post(
      '/api/units/:unitCode/years/:year/import/preview',
      {
        config: { access: { permission: 'targets:edit' }, heavy: true },
        schema: {
          summary: 'Parse an uploaded file and review it; nothing is saved',
          tags: ['documents'],
          params: UnitYearParamsSchema,
          querystring: UploadQuerySchema,
          response: { 200: ImportPreviewSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return previewImport(db, {
          content: uploaded(request.body),
          fileName: request.query.fileName,
          unitCode,
          fiscalYear: year,
        });
      },
    );

    app.post(
      '/api/units/:unitCode/years/:year/import',
      {
        config: { access: { permission: 'targets:edit' }, heavy: true },
        schema: {
          summary: "Store an uploaded file as the unit-year's targets (replaces them whole, all or nothing)",
          tags: ['documents'],
          params: UnitYearParamsSchema,
          querystring: UploadQuerySchema,
          response: { 200: ImportResultSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        const actor = request.actor;
        if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录');
        return importFile(db, actor, {
          content: uploaded(request.body),
          fileName: request.query.fileName,
          fiscalYear: year,
          expectUnitCode: unitCode,
        });
      },
    );

    app.get(
      '/api/bureau/years/:year/export.zip',
      {
        // Heavy for as long as the zip streams: the slot is released when the response closes.
        config: { access: { permission: 'overview:read' }, heavy: true },
        schema: {
          summary:
            'Every unit of a year the user may see, one document each, as a streamed .zip (X-Jixiao-Units: entry count; X-Jixiao-Job: the job to poll)',
          tags: ['documents'],
          params: BulkParamsSchema,
          querystring: BulkQuerySchema,
        },
      },
      async (request, reply) => {
        const { year } = request.params;
        const bulk = await exportBulk(db, { fiscalYear: year, format: request.query.format, actor: request.actor });
        bulk.done.catch((error: unknown) => request.log.error({ err: error }, 'bulk export failed'));
        attachment(reply, 'application/zip', `${year}年绩效目标（${bulk.total}个单位）.zip`, `jixiao-${year}.zip`)
          .header('X-Jixiao-Units', String(bulk.total))
          // Progress (units written) is polled at GET /api/jobs/:id, from whichever server answers.
          .header(JOB_HEADER, bulk.jobId)
          .header('Access-Control-Expose-Headers', `X-Jixiao-Units, ${JOB_HEADER}`);
        return reply.send(bulk.stream);
      },
    );
  };
}

function uploaded(body: unknown): Uint8Array {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError(
      'BAD_INPUT',
      '请上传文件：请求体应为文件内容（Content-Type: application/octet-stream，文件名放在 ?fileName=）',
    );
  }
  return body;
}
