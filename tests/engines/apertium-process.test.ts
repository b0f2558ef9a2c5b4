import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApertiumProcess } from '../../src/engines/apertium/apertium-process.ts';

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
    const pair = await startPair('upper', String.raw`sed -u -z 's/\([a-z]\)\([a-z]*\)\./\U\1\E\2./g'`);
    expect(await pair.translate(['one', 'two', 'three'])).toEqual(['One', 'Two', 'Three']);
  });

  it('sends each segment in its own frame when the pair did not keep the segments apart', async () => {
    // This pair replaces the break between segments with a space, as a stage that mangled superblanks would.
    const pair = await startPair('drops-breaks', String.raw`sed -u -z 's/\[<next\/>\]/ /g'`);
    expect(await pair.translate(['one', 'two', 'three'])).toEqual(['one', 'two', 'three']);
  });

  it('rejects with the pipeline\'s own message when its stages cannot start', async () => {
    const pair = new ApertiumProcess('missing', path.join(folder, 'missing.mode'));
    running = pair;
    await expect(pair.translate(['one'])).rejects.toThrow(/Apertium pair missing stopped \(exit code [1-9]\d*\): .*missing\.mode/);
  });
});
