import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApertiumProcess } from '../../src/engines/apertium/apertium-process.ts';
import { SetupError } from '../../src/errors.ts';
import { tsxLoader } from '../support/cli.ts';
import { hasEnded, processes } from '../support/processes.ts';

// Mode files of stand-in pairs, run the way the real ones are (through `apertium-wblank-mode`): they let a test
// choose how the pipeline treats the frames without depending on what a dictionary does to words.
let folder: string;
let running: ApertiumProcess | undefined;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'jialing-apertium-process-'));
});

afterEach(async () => {
  await running?.close();
  running = undefined;
  await rm(folder, { recursive: true, force: true });
});

async function startPair(name: string, stages: string): Promise<ApertiumProcess> {
  const modeFile = path.join(folder, `${name}.mode`);
  await writeFile(modeFile, `${stages}\n`);
  return (running = new ApertiumProcess(name, modeFile));
}

describe('ApertiumProcess', () => {
  it('answers each segment of a request in order', async () => {
    // Capitalises each word that ends a segment (before the frame's `[].[]`).
    const pair = await startPair('upper', String.raw`sed -u -z 's/\([a-z]\)\([a-z]*\)\[\]\./\U\1\E\2[]./g'`);
    expect(await pair.translate(['one', 'two', 'three'])).toEqual(['One', 'Two', 'Three']);
  });

  it('sends each segment in its own frame when the pair did not keep the segments apart', async () => {
    // This pair replaces the break between segments with a space, as a stage that mangled superblanks would.
    const pair = await startPair('drops-breaks', String.raw`sed -u -z 's/\[<next\/>\]/ /g'`);
    expect(await pair.translate(['one', 'two', 'three'])).toEqual(['one', 'two', 'three']);
  });

  it('fails as a set-up error, with how to install Apertium, when a program of the pipeline is missing', async () => {
    const pair = await startPair('not-installed', 'no-such-apertium-stage -z');
    const refusal = pair.translate(['one']);
    await expect(refusal).rejects.toThrow(SetupError);
    await expect(refusal).rejects.toThrow(/Apertium pair not-installed cannot run, a program of its pipeline is missing: .*no-such-apertium-stage: command not found/);
    await expect(refusal).rejects.toMatchObject({ hint: expect.stringContaining('apt-get install apertium') });
  });

  it('rejects with the pipeline\'s own message when its stages cannot start', async () => {
    const pair = new ApertiumProcess('missing', path.join(folder, 'missing.mode'));
    running = pair;
    await expect(pair.translate(['one'])).rejects.toThrow(/Apertium pair missing stopped \(exit code [1-9]\d*\): .*missing\.mode/);
  });

  it('stops its stages when this process exits without closing it', async () => {
    const modeFile = path.join(folder, 'idle.mode');
    await writeFile(modeFile, 'tail -z -f /dev/null\n');
    const script = fileURLToPath(new URL('./fixtures/start-pipeline-and-exit.mts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsxLoader, script, modeFile]).catch((error: { stdout: string }) => error);
    const group = Number(stdout.trim());
    expect(group).toBeGreaterThan(0);
    // The stages run in a process group of their own, led by the shell: none of it may outlive the exit.
    let left = await processesInGroup(group);
    for (let tries = 0; left.length > 0 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      left = await processesInGroup(group);
    }
    expect(left).toEqual([]);
  });
});

async function processesInGroup(group: number): Promise<string[]> {
  return (await processes()).filter((info) => info.group === group && !hasEnded(info)).map((info) => `${info.pid} (${info.command})`);
}
