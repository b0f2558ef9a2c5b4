// Through the whole pipeline (memory included), text that comes back unchanged keeps its bytes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('jialing-bytes-');
});
afterEach(() => removeTempDir(dir));

describe('the copy engine through the pipeline', () => {
  it('writes every article byte for byte, also where another article wraps the same sentence otherwise', async () => {
    const articles = {
      'articles/en/a.md': 'In Node.js (version 16+),\ninstall with [npm][npmjs-install]:\n\n[npmjs-install]: https://docs.npmjs.com/cli/install\n',
      'articles/en/b.md': 'In Node.js (version 16+), install with\n[npm][npmjs-install]:\n\n[npmjs-install]: https://docs.npmjs.com/cli/install\n',
      'articles/en/c.md': 'Made with&nbsp;love.  Two spaces &amp; \\$data, "*" and &#10003;.\n',
    };
    await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], engine: 'copy' }), ...articles });
    const config = path.join(dir, 'pipeline.config.json');
    for (const run of [1, 2]) {
      const result = await runCli(['translate', '--config', config], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      for (const [file, text] of Object.entries(articles)) expect(await readFile(path.join(dir, file.replace('/en/', '/es/')), 'utf8'), `run ${run}: ${file}`).toBe(text);
    }
  });
});
