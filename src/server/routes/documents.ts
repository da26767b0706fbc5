import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import { ImportPreviewSchema, ImportResultSchema, UploadQuerySchema } from '../../contract/documents.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../domain/errors.ts';
import { MAX_UPLOAD_BYTES } from '../../domain/upload-limit.ts';
import { importFile } from '../../usecases/import-file.ts';
import { previewImport } from '../../usecases/preview-import.ts';
import { actorOf } from '../auth/route-guard.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Uploads are the file's bytes as the body (any of these types); the name comes in ?fileName=. */
const UPLOAD_TYPES = ['application/octet-stream', XLSX_TYPE, DOCX_TYPE, 'application/json', 'text/plain'];

/**
 * Uploads of a target document (.xlsx/.docx/.txt/.json): preview (what would be stored, and the review
 * of it) and import. Downloads are the export family (export.ts).
 */
export function documentRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    // JSON and text uploads arrive as bytes too (decoded by the reader); this parser lives in this plugin only.
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) =>
      done(null, body),
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
        const actor = actorOf(request);
        return importFile(db, actor, {
          content: uploaded(request.body),
          fileName: request.query.fileName,
          fiscalYear: year,
          expectUnitCode: unitCode,
        });
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
