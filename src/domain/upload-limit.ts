/**
 * The largest upload accepted (a target document or a payments file): the server's body limit, and
 * the readers refuse larger files too (src/documents/zip-guard.ts), so both sides say the same.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
