import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../review/review-process.ts';
import { makeTempDir, removeTempDir, repoRoot, writeProject } from '../support/cli.ts';

// The package as npm installs it: `npm run build`'s output with package.json and bin/, given every dependency
// but tsx, so nothing can fall back on compiling TypeScript at run time. A project beside it depends on it by name.

const run = promisify(execFile);
let dir = '';
let packageDir = '';
let projectDir = '';
const timeout = 240_000;

beforeAll(async () => {
  dir = await makeTempDir('jialing-compiled-');
  packageDir = path.join(dir, 'jialing');
  projectDir = path.join(dir, 'project');
  await run(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), path.join(packageDir, 'dist')]);
  await cp(path.join(repoRoot, 'package.json'), path.join(packageDir, 'package.json'));
  await cp(path.join(repoRoot, 'bin'), path.join(packageDir, 'bin'), { recursive: true });
  await mkdir(path.join(packageDir, 'node_modules'));
  for (const name of await readdir(path.join(repoRoot, 'node_modules'))) {
    if (name === 'tsx' || name.startsWith('.')) continue;
    await symlink(path.join(repoRoot, 'node_modules', name), path.join(packageDir, 'node_modules', name));
  }
  await mkdir(path.join(projectDir, 'node_modules'), { recursive: true });
  await symlink(packageDir, path.join(projectDir, 'node_modules', 'jialing'));
}, timeout);

afterAll(() => removeTempDir(dir));

function jialing(args: readonly string[]) {
  return run(process.execPath, [path.join(projectDir, 'node_modules/jialing/bin/jialing.js'), ...args], { cwd: projectDir, env: { ...process.env, CI: 'true' } });
}

// Enough articles that the run parses them in its worker thread, which loads its own module from the build.
const manyArticles = Object.fromEntries(Array.from({ length: 70 }, (_, index) => [`articles/en/note-${index}.md`, `# Note ${index}\n\nThe city is big.\n`]));

describe('the compiled package', () => {
  it('says it is not built, with exit 2, when dist/ is missing, also from a folder whose name has a space', async () => {
    const unbuilt = path.join(dir, 'not built', 'bin');
    await mkdir(unbuilt, { recursive: true });
    await cp(path.join(repoRoot, 'bin', 'jialing.js'), path.join(unbuilt, 'jialing.js'));
    const result = await run(process.execPath, [path.join(unbuilt, 'jialing.js'), '--help']).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: jialing is not built: dist/cli.js is missing.\nhint: Run `npm run build` in the jialing folder.\n');
  });

  it('prints its help without tsx installed', async () => {
    const { stdout } = await jialing(['--help']);

    expect(stdout).toContain('Usage: jialing');
    expect(stdout).toContain('translate');
  }, timeout);

  it(
    'translates with a TypeScript config that imports defineConfig by package name, through Apertium and the worker thread',
    async () => {
      await writeProject(projectDir, {
        ...manyArticles,
        'pipeline.config.ts': "import { defineConfig } from 'jialing/config';\n\nconst languages: string[] = ['es', 'ca'];\n\nexport default defineConfig({ targetLanguages: languages, engine: { es: 'copy', default: 'apertium' } });\n",
      });

      const { stdout } = await jialing(['translate', '--json']);

      expect(JSON.parse(stdout).languages.ca).toMatchObject({ articles: 70, failedArticles: 0 });
      expect(await readFile(path.join(projectDir, 'articles/ca/note-3.md'), 'utf8')).toBe('# Nota 3\n\nLa ciutat és gran.\n');
      expect(await readFile(path.join(projectDir, 'articles/es/note-3.md'), 'utf8')).toBe('# Note 3\n\nThe city is big.\n');
    },
    timeout,
  );

  it(
    'serves the review page from the compiled tree',
    async () => {
      await writeProject(projectDir, { 'pipeline.config.mjs': "export default { targetLanguages: ['es'], engine: 'copy' };\n", 'articles/en/index.md': '# Hello\n' });
      const child = spawn(process.execPath, [path.join(projectDir, 'node_modules/jialing/bin/jialing.js'), 'review', '--config', 'pipeline.config.mjs'], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let stdout = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            stdout += chunk;
            const found = /Review page: (http:\/\/\S+)/.exec(stdout)?.[1];
            if (found) resolve(found);
          });
          child.on('exit', (code) => reject(new Error(`review exited with ${code}`)));
        });
        const { port, searchParams } = new URL(url);
        const authorization = `Bearer ${searchParams.get('token')}`;
        const page = await request(Number(port), { path: '/', headers: { authorization } });
        const styles = await request(Number(port), { path: '/review.css', headers: { authorization } });

        expect(page.status).toBe(200);
        expect(page.body).toContain('<html');
        expect(styles.status).toBe(200);
        expect(styles.body.length).toBeGreaterThan(0);
      } finally {
        child.kill('SIGINT');
      }
    },
    timeout,
  );

  it(
    'lets a script import translateArticles and defineConfig by package name, with type declarations',
    async () => {
      await writeProject(projectDir, {
        'docs/en/index.md': '# Hello\n\nThe city is big.\n',
        'translate.ts': [
          "import { defineConfig, resolveConfig, translateArticles, type TranslateResult } from 'jialing';",
          '',
          "const config = resolveConfig(defineConfig({ targetLanguages: ['es'], engine: 'pseudo', articles: 'docs/en', output: 'docs/{lang}' }), `${process.cwd()}/script.config.json`);",
          'const result: TranslateResult = await translateArticles(config);',
          'process.stdout.write(JSON.stringify(result.report.languages[0]));',
          '',
        ].join('\n'),
        'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(repoRoot, 'node_modules/@types')] }, files: ['translate.ts'] }),
        'package.json': JSON.stringify({ name: 'docs', private: true, type: 'module' }),
      });
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      await run(process.execPath, [tsc, '-p', projectDir]);
      const script = await readFile(path.join(projectDir, 'translate.ts'), 'utf8');
      await writeFile(path.join(projectDir, 'translate.mjs'), (await transform(script, { loader: 'ts' })).code);

      const { stdout } = await run(process.execPath, ['translate.mjs'], { cwd: projectDir });

      expect(JSON.parse(stdout)).toMatchObject({ language: 'es', articles: 1, failedArticles: 0 });
      expect(await readFile(path.join(projectDir, 'docs/es/index.md'), 'utf8')).toContain('⟦');
    },
    timeout,
  );
});
