// A worker thread starts without the module hooks of the thread that made it, so the TypeScript sources
// need tsx registered again. The parser's packages are plain JavaScript: loaded before the hooks exist,
// they skip a round trip to the hooks' thread for each of their hundred-odd modules, which halves start-up.
await Promise.all(['unified', 'remark-parse', 'remark-gfm', 'remark-frontmatter', 'yaml', 'decode-named-character-reference'].map((name) => import(name)));
const { register } = await import('tsx/esm/api');
register();
await import('./segment-worker.ts');
