import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DeeplProject } from '../support/deepl-project.ts';
import { articleNames, numberedArticleFiles, numberedArticleTexts, numberedArticleTranslated } from '../support/numbered-articles.ts';
import { signalWhen } from '../support/signal-when.ts';

// Crash safety of the real CLI against the DeepL test server. With concurrency 1 and context off,
// requests of 50 texts leave one at a time; each answered request is stored in the memory before the
// next one is sent. So when the server has request N pending, requests 1…N-1 are answered, paid for
// and must be in the memory: whatever happens to the process next, a re-run must not send them again.

const paragraphs = 8;
const names = articleNames(40);
// 40 articles × 9 unique segments = 360 texts = 7 full requests and one of 10.
const allTexts = names.flatMap((name) => numberedArticleTexts(name, paragraphs));
const config = { deepl: { context: false, concurrency: 1 } };

let project: DeeplProject | undefined;

afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

/** The server's log at the moment of a signal. */
interface LogAtSignal {
  /** Translation requests received so far. */
  readonly requests: number;
  /** Status of each request the server had answered. */
  readonly outcomes: readonly (number | 'reset' | undefined)[];
  /** Texts of requests the server had answered: paid for. */
  readonly answered: ReadonlySet<string>;
  /** Texts of the request it was still working on. */
  readonly inFlight: readonly string[];
  readonly at: number;
}

/** Fires once the server holds its `nth` translation request (or a later one) unanswered. */
function whenRequestPending(project: DeeplProject, nth: number): () => LogAtSignal | undefined {
  return () => {
    const requests = project.translateRequests();
    const pending = requests.filter((request) => request.outcome === undefined);
    if (requests.length < nth || pending.length === 0) return undefined;
    const answered = requests.filter((request) => request.outcome !== undefined);
    return {
      requests: requests.length,
      outcomes: answered.map((request) => request.outcome),
      answered: new Set(answered.flatMap((request) => request.texts)),
      inFlight: pending.flatMap((request) => request.texts),
      at: Date.now(),
    };
  };
}

/** Whether these articles' outputs exist and no output is halfway through its atomic write. */
function outputsWritten(project: DeeplProject, names: readonly string[]): boolean {
  const folder = path.join(project.dir, 'articles', 'de');
  const files = existsSync(folder) ? readdirSync(folder) : [];
  return names.length > 0 && names.every((name) => files.includes(`${name}.md`)) && !files.some((file) => file.endsWith('.tmp'));
}

async function startProject(): Promise<DeeplProject> {
  project = await DeeplProject.create({ config, files: numberedArticleFiles(names.length, paragraphs) });
  return project;
}

/** The output files (temporary files aside), each exactly as an uninterrupted run writes it. */
async function expectOutputs(project: DeeplProject, expected: readonly string[]): Promise<void> {
  const outputs = await project.snapshot('articles/de');
  expect(Object.keys(outputs).filter((file) => !file.endsWith('.tmp'))).toEqual(expected.map((name) => `${name}.md`));
  for (const name of expected) expect(outputs[`${name}.md`], name).toBe(numberedArticleTranslated(name, paragraphs));
}

/** Re-runs to completion and checks that it sends every text that was never answered once, and nothing that was. */
async function rerunSendsOnlyUnanswered(project: DeeplProject, answered: ReadonlySet<string>): Promise<void> {
  project.server.set([]);
  const mark = project.mark();
  const summary = await project.translateOk();
  const resent = project.textsSentSince(mark);
  expect(resent.filter((text) => answered.has(text)), 'texts paid for in the first run and sent again').toEqual([]);
  expect([...resent].sort()).toEqual(allTexts.filter((text) => !answered.has(text)).sort());
  expect(summary.languages['de']).toMatchObject({ articles: names.length, fromMemory: answered.size, translated: allTexts.length - answered.size, failedArticles: 0 });
  await expectOutputs(project, names);
}

function expectMemoryIntact(project: DeeplProject): void {
  const db = new Database(project.memoryFile, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

describe('crash safety', { timeout: 240_000 }, () => {
  it('after SIGKILL mid-run, the re-run sends only what the server never answered, and every output is whole', async () => {
    const project = await startProject();
    project.server.set([{ fault: { type: 'delay', ms: 300 }, times: Infinity }]);

    const cli = project.start(['--quiet']);
    const atKill = await signalWhen(cli, 'SIGKILL', whenRequestPending(project, 3));
    const killed = await cli.result;

    expect(killed.signal).toBe('SIGKILL');
    expect(atKill.outcomes).toEqual(atKill.outcomes.map(() => 200));
    expect(atKill.answered.size).toBeGreaterThanOrEqual(100);
    expect(atKill.inFlight).toHaveLength(50);
    // Every output the killed run wrote is whole. The kill may land between an output's temporary
    // file and its rename; that file is never the output itself.
    const written = Object.keys(await project.snapshot('articles/de')).filter((file) => file.endsWith('.md'));
    await expectOutputs(project, names.filter((name) => written.includes(`${name}.md`)));
    const leftByKill = await project.temporaryFiles();
    expectMemoryIntact(project);

    await rerunSendsOnlyUnanswered(project, atKill.answered);
    // The re-run leaves no temporary file of its own (removing the killed run's is tested below).
    expect((await project.temporaryFiles()).filter((file) => !leftByKill.includes(file))).toEqual([]);
    expectMemoryIntact(project);
  });

  it('after SIGINT mid-run, requests in flight finish, nothing new is sent, finished articles are written and the exit code is 130', async () => {
    const project = await startProject();
    // Slow enough that the signal is handled long before the request in flight is answered.
    project.server.set([{ fault: { type: 'delay', ms: 1000 }, times: Infinity }]);

    const cli = project.start(['--json']);
    const atSignal = await signalWhen(cli, 'SIGINT', whenRequestPending(project, 3));
    const interrupted = await cli.result;
    const exitedAfterMs = Date.now() - atSignal.at;

    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(exitedAfterMs).toBeLessThan(30_000);
    expect(interrupted.stderr).toMatch(/Interrupted: finished articles were written and every translation received is in the memory; run again to continue\./);
    // Nothing was sent after the signal, and the request in flight was answered rather than dropped.
    const requests = project.translateRequests();
    expect(requests).toHaveLength(atSignal.requests);
    expect(requests.map((request) => request.outcome)).toEqual(requests.map(() => 200));
    const answered = new Set(requests.flatMap((request) => request.texts));
    expect(answered.size).toBe(atSignal.answered.size + atSignal.inFlight.length);

    const finished = names.filter((name) => numberedArticleTexts(name, paragraphs).every((text) => answered.has(text)));
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.length).toBeLessThan(names.length);
    await expectOutputs(project, finished);
    // The summary counts what was written, not what was started.
    const summary = JSON.parse(interrupted.stdout) as { interrupted?: boolean; outcomes: { written: number; failed: number; skipped: number } };
    expect(summary.interrupted).toBe(true);
    expect(summary.outcomes.written).toBe(finished.length);
    expect(summary.outcomes.written + summary.outcomes.failed).toBeLessThanOrEqual(names.length);
    expect(await project.temporaryFiles()).toEqual([]);
    expectMemoryIntact(project);

    await rerunSendsOnlyUnanswered(project, answered);
    expect(await project.temporaryFiles()).toEqual([]);
  });

  it('a second SIGINT exits at once with 130 without waiting for the request in flight, and the re-run loses nothing answered', async () => {
    const project = await startProject();
    // The first request is answered quickly; the next ones would take 30 s.
    project.server.set([
      { fault: { type: 'delay', ms: 300 }, times: 1 },
      { fault: { type: 'delay', ms: 30_000 }, after: 1, times: Infinity },
    ]);

    const cli = project.start();
    // Once the articles the first answer completed are written: a second SIGINT cuts short whatever is
    // running, and this test is about the request in flight, not about a write cut in half.
    const pending = whenRequestPending(project, 2);
    const atSignal = await signalWhen(cli, 'SIGINT', () => {
      const log = pending();
      return log && outputsWritten(project, names.filter((name) => numberedArticleTexts(name, paragraphs).every((text) => log.answered.has(text)))) ? log : undefined;
    });
    // The first SIGINT has been handled once texts not yet sent are refused (reported per article on stderr).
    await signalWhen(cli, 'SIGINT', () => (/interrupted before this text was sent/.test(cli.output().stderr) ? true : undefined));
    const stopped = await cli.result;

    expect(stopped.code).toBe(130);
    expect(project.translateRequests()).toHaveLength(atSignal.requests);
    expect(project.translateRequests().at(-1)!.outcome, 'the request in flight is still unanswered').toBeUndefined();
    expectMemoryIntact(project);

    await rerunSendsOnlyUnanswered(project, atSignal.answered);
    expect(await project.temporaryFiles()).toEqual([]);
  });
  // between writeFile and rename, and nothing (not the next write of that output, not the next run)
  // ever removes it; such files pile up in the output folders, which are usually committed.
  it("removes an output's temporary file left by a run killed while writing it", async () => {
    project = await DeeplProject.create({ config, files: numberedArticleFiles(3, paragraphs) });
    const halfWritten = numberedArticleTranslated('guide01', paragraphs).slice(0, 80);
    await project.write({ 'articles/de/.guide01.md.0123456789ab.tmp': halfWritten });

    await project.translateOk();

    await expectOutputs(project, ['guide00', 'guide01', 'guide02']);
    expect(await project.temporaryFiles()).toEqual([]);
  });
});
