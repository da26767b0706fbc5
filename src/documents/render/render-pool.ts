import { fileURLToPath } from 'node:url';
import type Piscina from 'piscina';
import { type RenderTask, renderTask } from './render-task.ts';

export type { RenderFormat, RenderTask } from './render-task.ts';

/**
 * Where documents are written. Writing a PDF is one synchronous stretch of pdfkit and font subsetting
 * (~150–600 ms for the demo unit, measured; decision 022): on the server's event loop it stalls every
 * other request for that long. `jixiao serve` therefore opens a pool of render threads (piscina) and
 * every Word/PDF/Excel export runs there; without an open pool (the CLI, a script) the writers run
 * inline, as before. The pool is shared by the servers of one process and closed with the last one.
 */
const WORKER = fileURLToPath(new URL(workerEntry(import.meta.url), import.meta.url));

/**
 * The thread's entry beside this module. Compiled (dist/, what production runs) it is render-worker.js;
 * from the TypeScript sources (vitest, tsx) it is a plain .mjs that registers tsx in the thread first.
 */
function workerEntry(moduleUrl: string): string {
  return moduleUrl.endsWith('.ts') ? './render-worker-source.mjs' : './render-worker.js';
}

let pool: Piscina<RenderTask, Uint8Array> | null = null;
let creating: Promise<Piscina<RenderTask, Uint8Array>> | null = null;
let threads = 0;
let users = 0;

/** Opens (or joins) the render pool with up to `threadCount` threads; call the returned function to leave it. */
export function openRenderPool(threadCount: number): () => Promise<void> {
  users += 1;
  threads = Math.max(threads, threadCount);
  let left = false;
  return async () => {
    if (left) return;
    left = true;
    users -= 1;
    if (users > 0) return;
    const closing = pool ?? (await creating?.catch(() => null));
    pool = null;
    creating = null;
    threads = 0;
    await closing?.destroy();
  };
}

/** Threads are started on the first task, not when a server starts: most servers of a test never export. */
async function openPool(): Promise<Piscina<RenderTask, Uint8Array>> {
  if (pool) return pool;
  creating ??= import('piscina').then(({ Piscina }) => {
    // Threads stay up once started: a fresh one pays ~0.5 s to load pdfkit and the 15 MB font.
    pool = new Piscina<RenderTask, Uint8Array>({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Infinity,
    });
    return pool;
  });
  return creating;
}

/** Writes one document: in the pool when one is open, else in this thread. */
export async function renderDocument(task: RenderTask): Promise<Buffer> {
  const bytes = users > 0 ? await (await openPool()).run(task) : await renderTask(task);
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
