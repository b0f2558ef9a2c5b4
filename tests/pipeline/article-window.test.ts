import PQueue from 'p-queue';
import { describe, expect, it } from 'vitest';
import { createCopyEngine } from '../../src/engines/copy-engine.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { ArticleWindow } from '../../src/pipeline/article-window.ts';
import { TranslationQueue } from '../../src/pipeline/translation-queue.ts';

interface Article {
  readonly title: string;
  readonly texts: readonly string[];
  /** Ends before its turn, as an article that is refused or cannot be read does. */
  readonly isRefused?: boolean;
  /** How long reading and parsing take; 1 ms by default. */
  readonly readMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs articles through a window the way a run does, with an engine that keeps titles apart and answers after a few ms. */
async function runArticles(articles: readonly Article[], maxArticles: number) {
  const requests: { title: string | undefined; texts: string[] }[] = [];
  const engine: Engine = {
    ...createCopyEngine(),
    usesContext: true,
    limits: { maxTexts: 4, maxBytes: 10_000, concurrency: 2 },
    translate: async (texts, _pair, options) => {
      requests.push({ title: options?.context, texts: [...texts] });
      await pause(5);
      return [...texts];
    },
  };
  let window!: ArticleWindow;
  const queue = new TranslationQueue({
    engine,
    pair: { source: 'en', target: 'es' },
    requests: new PQueue({ concurrency: 2 }),
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    answersKept: 2_000,
    onChanged: () => window.notify(),
  });
  window = new ArticleWindow({ maxArticles, highWater: 1_000, queues: () => [queue] });
  const written: string[] = [];
  for (const article of articles) {
    if (!(await window.admit())) break;
    window.start(async (held) => {
      if (article.isRefused) return;
      await pause(article.readMs ?? 1);
      await held.inTurn();
      const answer = held.waitOnEngine(queue.translate(article.texts, article.title));
      held.handedOver();
      const translations = await answer;
      // Writing the output takes a while after the answer arrives.
      await pause(3);
      written.push(...translations);
    });
  }
  await window.finish();
  return { requests, written };
}

describe('ArticleWindow', () => {
  it('holds a partial request while an article busy with its answer will make room for one that fills it', async () => {
    const { requests, written } = await runArticles(
      [
        { title: 'Ports', texts: ['a1'] },
        { title: 'Bridges', texts: ['b1', 'b2', 'b3', 'b4'] },
        { title: 'Ports', texts: ['c1'] },
      ],
      2,
    );
    expect(requests).toEqual([
      { title: 'Bridges', texts: ['b1', 'b2', 'b3', 'b4'] },
      { title: 'Ports', texts: ['a1', 'c1'] },
    ]);
    expect(written.sort()).toEqual(['a1', 'b1', 'b2', 'b3', 'b4', 'c1']);
  });

  it('sends partial requests when every held article waits on one and nothing is in flight', async () => {
    const { requests, written } = await runArticles(
      [
        { title: 'Ports', texts: ['a1'] },
        { title: 'Bridges', texts: ['b1'] },
        { title: 'Rails', texts: ['c1'] },
        { title: 'Ports', texts: ['d1'] },
      ],
      2,
    );
    // The first two go out together, before the later articles are read; holding them would stall the run.
    expect(requests.slice(0, 2).map((request) => request.texts)).toEqual([['a1'], ['b1']]);
    expect(requests.slice(2).map((request) => request.texts.join()).sort()).toEqual(['c1', 'd1']);
    expect(written.sort()).toEqual(['a1', 'b1', 'c1', 'd1']);
  });

  it('hands texts to the queues in article order, so a shared text goes out with the first article\'s title', async () => {
    const { requests } = await runArticles(
      [
        { title: 'Ports', texts: ['shared', 'p1'], readMs: 20 },
        { title: 'Refused', texts: [], isRefused: true },
        { title: 'Bridges', texts: ['shared', 'b1'], readMs: 1 },
      ],
      3,
    );
    expect(requests.map((request) => `${request.title}: ${request.texts.join()}`).sort()).toEqual(['Bridges: b1', 'Ports: shared,p1']);
  });
});
