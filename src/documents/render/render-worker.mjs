// A render thread's entry (piscina loads it). The sources are TypeScript: a worker thread does not
// inherit the loader hooks tsx registered in the main thread, so it registers them itself, in this
// plain-JavaScript file, before importing the writers (decision 022).
import { register } from 'tsx/esm/api';

register();
const { renderTask } = await import('./render-task.ts');

/** piscina calls the default export once per task. */
export default renderTask;
