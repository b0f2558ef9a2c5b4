import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliEntry, indexEntry, repoRoot, tsxLoader } from '../support/cli.ts';

const run = promisify(execFile);
const heapModule = pathToFileURL(path.join(repoRoot, 'src', 'pipeline', 'segment-thread-heap.ts')).href;

// Each case runs in a process of its own: the cap is process-wide, as the segmenting thread is.
async function heapLimitAfter(script: string): Promise<number | null> {
  const source = `${script}\nconst { segmentThreadHeapLimit } = await import(${JSON.stringify(heapModule)});\nconsole.log(JSON.stringify(segmentThreadHeapLimit() ?? null));`;
  const { stdout } = await run(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', source], { cwd: repoRoot, env: { ...process.env, CI: 'true' } });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as number | null;
}

describe('memory bounds', () => {
  it('the jialing command caps the segmenting thread’s heap as it starts', async () => {
    const limit = await heapLimitAfter(`process.argv.splice(1, Infinity, 'jialing', '--help');\nawait import(${JSON.stringify(pathToFileURL(cliEntry).href)});`);
    expect(limit).toBe(64);
  }, 30_000);

  it('a program importing jialing leaves the thread at V8’s default', async () => {
    const limit = await heapLimitAfter(`await import(${JSON.stringify(pathToFileURL(indexEntry).href)});`);
    expect(limit).toBeNull();
  }, 30_000);
});
