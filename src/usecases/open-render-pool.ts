import { openRenderPool as joinRenderPool } from '../documents/render/render-pool.ts';

/**
 * Starts the render threads where `jixiao serve` writes Word, PDF and Excel files, off the event loop
 * (decision 022); the returned function leaves the pool (the last server to leave closes it). The
 * server reaches the documents layer only through use-cases, so it opens the pool here.
 */
export function openRenderPool(threadCount: number): () => Promise<void> {
  return joinRenderPool(threadCount);
}
