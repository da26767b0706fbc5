import type { FastifyReply } from 'fastify';
import { asciiFileName, safeFileName } from '../domain/file-names.ts';

/** What every download route sends: bytes or text, its type, and the name a person sees. */
export interface DownloadFile {
  content: string | Buffer | NodeJS.ReadableStream;
  contentType: string;
  /** The real (often Chinese) name: "秦皇岛市山海关区总工会2020年绩效目标.docx". */
  fileName: string;
}

/**
 * "attachment" with an ASCII fallback and the real name per RFC 5987/6266. Both names are made safe
 * here, whatever stored data built them (decision 020): no path, quote or control character. Every
 * download of the server (exports, reports, the bulk zip, the audit CSV, the backup) names its file here.
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

/** Sends a file as a download; `asciiName` is the fallback name for clients that cannot read filename*. */
export function sendFile(reply: FastifyReply, file: DownloadFile, asciiName: string): FastifyReply {
  return attachment(reply, file.contentType, file.fileName, asciiName).send(file.content);
}
