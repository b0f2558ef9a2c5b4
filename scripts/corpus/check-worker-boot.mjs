// A worker thread starts without the module hooks of the thread that made it: register tsx again so that it
// can load the checker's TypeScript.
const { register } = await import('tsx/esm/api');
register();
await import('./check-worker.ts');
