// A render thread's entry (piscina loads it, decision 022). Compiled, this is dist/documents/render/
// render-worker.js and runs as is; from the sources, render-worker-source.mjs registers tsx first.

/** piscina calls the default export once per task. */
export { renderTask as default } from './render-task.ts';
