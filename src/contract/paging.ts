import { z } from 'zod';

/**
 * The one shape of every paginated list in the HTTP API (issue 6, "bounded everything").
 *
 * Request: `?page=1&pageSize=50` plus the endpoint's own filters. Both numbers arrive as query
 * strings, so they are coerced; pageSize is capped at 200 so no request can ask the server for an
 * unbounded amount of work. Response: `{ items, total, page, pageSize }` where `total` counts every
 * row matching the filters (not just this page), so a client can draw its pager.
 */

const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** The response schema of a paginated list of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/** A page of items, as a use-case returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** SQL LIMIT/OFFSET for a page (1-based): page 3 of 50 → { limit: 50, offset: 100 }. */
export function limitOffset(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}
