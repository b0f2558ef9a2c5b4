import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve-config.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { segmentInThread, segmentInWorker } from '../../src/pipeline/article-segmenter.ts';
import { translateArticles } from '../../src/run.ts';
import { repoRoot, tsxLoader } from '../support/cli.ts';
import { copySampleSources } from '../support/sample-sources.ts';

const frontmatterKeys = ['title', 'description'];
const options = segmentOptions(frontmatterKeys);
const sampleArticles = path.join(repoRoot, 'articles', 'en');

/** The nice value of each thread of this process, lowest first (Linux). */
async function threadNiceValues(): Promise<number[]> {
  const tasks = await readdir('/proc/self/task');
  const stats = await Promise.all(tasks.map((task) => readFile(`/proc/self/task/${task}/stat`, 'utf8').catch(() => '')));
  // Fields after the command name, which ends at the last ')': state is the 3rd field of the line, nice the 19th.
  return stats.filter((stat) => stat !== '').map((stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])).sort((a, b) => a - b);
}

async function markdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
}

describe('segmenting on the calling thread', () => {
  it('parses one article per turn of the event loop, so that work the earlier articles wait on runs in between', async () => {
    const texts = await Promise.all((await markdownFiles(sampleArticles)).map((file) => readFile(path.join(sampleArticles, file), 'utf8')));
    expect(texts.length).toBeGreaterThan(3);
    const segmenter = segmentInThread(options);
    const order: string[] = [];
    const parsed = texts.map((text, index) =>
      segmenter.segment(text).then((extracted) => {
        order.push(`parsed ${index}`);
        // What the first article does next (reading its output, asking the memory) comes in a later turn.
        if (index === 0) setImmediate(() => order.push('first article goes on'));
        return extracted;
      }),
    );
    expect(await Promise.all(parsed)).toEqual(texts.map((text) => segmentMarkdown(text, options)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toContain('first article goes on');
    expect(order.at(-1)).toBe(`parsed ${texts.length - 1}`);
  });
});

describe('segmenting in a worker thread', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'jialing-segmenter-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('gives exactly the segments and warnings of segmenting on the calling thread', async () => {
    const segmenter = segmentInWorker(options);
    try {
      expect(await segmenter.isReady).toBe(true);
      const files = await markdownFiles(sampleArticles);
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        const text = await readFile(path.join(sampleArticles, file), 'utf8');
        expect(await segmenter.segment(text)).toEqual(segmentMarkdown(text, options));
      }
    } finally {
      segmenter.close();
    }
  });

  it('shares the articles between the worker and the calling thread when the caller allows it, with the same results', async () => {
    let asked = 0;
    const segmenter = segmentInWorker(options, {
      mayParseHere: () => {
        asked++;
        return true;
      },
    });
    try {
      expect(await segmenter.isReady).toBe(true);
      const texts = await Promise.all((await markdownFiles(sampleArticles)).map((file) => readFile(path.join(sampleArticles, file), 'utf8')));
      // Many articles at once, more than the worker takes: the calling thread is asked to parse some.
      const many = Array.from({ length: 5 }, () => texts).flat();
      const segmented = await Promise.all(many.map((text) => segmenter.segment(text)));
      expect(asked).toBeGreaterThan(0);
      expect(segmented).toEqual(many.map((text) => segmentMarkdown(text, options)));
    } finally {
      segmenter.close();
    }
  });

  it('segments on the calling thread the articles of a thread that stopped, sent or still waiting', async () => {
    const segmenter = segmentInWorker(options, { script: new URL('./fixtures/stopping-segment-worker.mjs', import.meta.url) });
    try {
      expect(await segmenter.isReady).toBe(true);
      const texts = await Promise.all((await markdownFiles(sampleArticles)).map((file) => readFile(path.join(sampleArticles, file), 'utf8')));
      // More articles than the thread takes at once: some were sent to it, the rest wait for it.
      const segmented = await Promise.all(texts.map((text) => segmenter.segment(text)));
      expect(segmented).toEqual(texts.map((text) => segmentMarkdown(text, options)));
      // Once it has stopped, later articles are segmented here at once.
      expect(await segmenter.segment(texts[0]!)).toEqual(segmentMarkdown(texts[0]!, options));
    } finally {
      segmenter.close();
    }
  });

  it.runIf(process.platform === 'linux')('lowers its priority once a run asks it to give way, and only then', async () => {
    const text = await readFile(path.join(sampleArticles, (await markdownFiles(sampleArticles))[0]!), 'utf8');
    const bootScript = new URL('../../src/pipeline/segment-worker-boot.mjs', import.meta.url);
    let givesWay = false;
    const segmenter = segmentInWorker(options, { givesWay: () => givesWay, script: bootScript });
    try {
      expect(await segmenter.isReady).toBe(true);
      const before = await threadNiceValues();
      await segmenter.segment(text);
      // A copy or pseudo run: parsing is the run's own work and keeps the priority it started with.
      expect(await threadNiceValues()).toEqual(before);
      givesWay = true;
      await segmenter.segment(text);
      // Other tests' threads may have given way already: this one is the only new one.
      const lowered = (values: number[]) => values.filter((nice) => nice === before[0]! + 10).length;
      const after = await threadNiceValues();
      expect(lowered(after)).toBe(lowered(before) + 1);
      expect(after.length).toBe(before.length);
    } finally {
      segmenter.close();
    }
  });

  it('lets the process end once its work is done, without waiting for the thread to go idle', async () => {
    const script = fileURLToPath(new URL('./fixtures/segment-once-in-worker.ts', import.meta.url));
    // The thread ends after 10 s without a run: a process it held would end that long after its work.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsxLoader, script], { timeout: 50_000 });
    const endedAt = Date.now();
    const [, segments, doneAt] = /^(\d+) segments at (\d+)\n$/.exec(stdout) ?? [];
    expect(segments).toBe('2');
    expect(endedAt - Number(doneAt)).toBeLessThan(5000);
  });

  it('writes the same articles whichever thread parses them', async () => {
    const warm = segmentInWorker(options);
    // The run shares this thread: once it is ready, every article of the run is parsed there.
    expect(await warm.isReady).toBe(true);
    const outputs: Record<string, string>[] = [];
    const problems: unknown[] = [];
    try {
      for (const inWorker of [false, true]) {
        const project = path.join(work, inWorker ? 'worker' : 'thread');
        await copySampleSources(project);
        const config = resolveConfig(
          { sourceLanguage: 'en', targetLanguages: ['es'], engine: 'pseudo', articles: 'articles/en', output: 'out/{lang}', locales: 'locales', memory: 'memory.db', report: 'report', frontmatter: frontmatterKeys },
          path.join(project, 'pipeline.config.json'),
        );
        const { report } = await translateArticles(config, { segmentInWorker: inWorker });
        expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        problems.push(report.problems);
        const out = path.join(project, 'out', 'es');
        const files = await markdownFiles(out);
        outputs.push(Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(out, file), 'utf8')] as const))));
      }
    } finally {
      warm.close();
    }
    expect(Object.keys(outputs[0]!).length).toBeGreaterThan(3);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(problems[1]).toEqual(problems[0]);
  });
});
