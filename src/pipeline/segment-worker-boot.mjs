// A worker thread starts without the module hooks of the thread that made it, so the TypeScript sources
// need tsx registered again before the worker's own module loads.
import { register } from 'tsx/esm/api';

register();
await import('./segment-worker.ts');
