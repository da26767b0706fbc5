// The render thread's entry when the server runs from the TypeScript sources (vitest, tsx scripts).
// A worker thread does not inherit the loader hooks tsx registered in the main thread, so it
// registers them itself, in this plain-JavaScript file, before importing the entry. The compiled
// build (dist/) loads render-worker.js directly and needs no tsx (decisions 022, 024).
import { register } from 'tsx/esm/api';

register();
const { default: renderTask } = await import('./render-worker.ts');

/** piscina calls the default export once per task. */
export default renderTask;
