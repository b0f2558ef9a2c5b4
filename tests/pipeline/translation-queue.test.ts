import PQueue from 'p-queue';
import { describe, expect, it } from 'vitest';
import { createCopyEngine } from '../../src/engines/copy-engine.ts';
import type { Engine, EngineReply } from '../../src/engines/engine.ts';
import { EngineError } from '../../src/errors.ts';
import { TranslationQueue, type TranslationQueueOptions } from '../../src/pipeline/translation-queue.ts';

const retry = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 };
// More than any test here asks for, unless a test is about forgetting answers.
const answersKept = 1_000;

function queueFor(engine: Engine<EngineReply>, options: Partial<TranslationQueueOptions> = {}): TranslationQueue {
  return new TranslationQueue({ engine, pair: { source: 'en', target: 'es' }, requests: new PQueue({ concurrency: 1 }), retry, answersKept, ...options });
}

function copyQueue(kept = answersKept): TranslationQueue {
  return queueFor(createCopyEngine(), { answersKept: kept });
}

/** The copy engine, sending one text per request and telling `onSent` of each. */
function oneTextPerRequest(onSent: (texts: readonly string[]) => void): Engine {
  return {
    ...createCopyEngine(),
    limits: { maxTexts: 1, maxBytes: 1000, concurrency: 1 },
    translate: async (texts) => {
      onSent(texts);
      return [...texts];
    },
  };
}

describe('TranslationQueue', () => {
  it('sends a text asked for again, while waiting or once answered, only once', async () => {
    const queue = copyQueue();
    const first = queue.translate(['One.', 'Two.']);
    const again = queue.translate(['Two.']);
    queue.flush();
    expect(await first).toEqual(['One.', 'Two.']);
    expect(await again).toEqual(['Two.']);
    expect(await queue.translate(['One.'])).toEqual(['One.']);
    expect(queue.has('One.')).toBe(true);
    expect(queue.stats).toMatchObject({ requests: 1, texts: 2 });
  });

  it('keeps only the most recent answers, so a long run holds a bounded number of texts', async () => {
    const queue = copyQueue(2);
    const texts = ['One.', 'Two.', 'Three.'];
    const answered = queue.translate(texts);
    queue.flush();
    await answered;
    expect(texts.map((text) => queue.has(text))).toEqual([false, true, true]);
    const resent = queue.translate(['One.']);
    queue.flush();
    expect(await resent).toEqual(['One.']);
    expect(queue.stats).toMatchObject({ requests: 2, texts: 4 });
  });

  it('sends no retry once the run is interrupted during the backoff', async () => {
    const sent: string[][] = [];
    const failing: Engine = {
      ...createCopyEngine(),
      translate: async (texts) => {
        sent.push([...texts]);
        throw new EngineError('Server busy.', { isRetryable: true });
      },
    };
    const interrupt = new AbortController();
    const queue = queueFor(failing, {
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      signal: interrupt.signal,
      // The interruption comes while the queue waits to try again.
      sleep: async () => interrupt.abort(),
    });
    const translated = queue.translate(['One.']);
    queue.flush();
    await expect(translated).rejects.toThrow('interrupted');
    expect(sent).toEqual([['One.']]);
  });

  it('refuses at once the requests still waiting for a free slot when the run is interrupted', async () => {
    let answerFirst!: () => void;
    const sent: string[][] = [];
    const slow: Engine = {
      ...createCopyEngine(),
      limits: { maxTexts: 1, maxBytes: 1000, concurrency: 1 },
      translate: async (texts) => {
        sent.push([...texts]);
        await new Promise<void>((resolve) => (answerFirst = resolve));
        return [...texts];
      },
    };
    const interrupt = new AbortController();
    const queue = queueFor(slow, { signal: interrupt.signal });
    // One text per request: the first is in flight, the second waits for the only slot.
    const first = queue.translate(['One.']);
    const second = queue.translate(['Two.']);
    await new Promise((resolve) => setImmediate(resolve));
    interrupt.abort();
    await expect(second).rejects.toThrow('interrupted before this text was sent');
    answerFirst();
    expect(await first).toEqual(['One.']);
    expect(sent).toEqual([['One.']]);
  });

  it('sends the next request only once the memory has kept the answer before it, however long keeping takes', async () => {
    const events: string[] = [];
    const queue = queueFor(oneTextPerRequest((texts) => events.push(`sent ${texts.join(' ')}`)), {
      // A memory on a database server: keeping an answer takes a few turns of the event loop.
      onTranslated: async (texts) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`kept ${texts.join(' ')}`);
      },
    });
    expect(await queue.translate(['One.', 'Two.', 'Three.'])).toEqual(['One.', 'Two.', 'Three.']);
    expect(events).toEqual(['sent One.', 'kept One.', 'sent Two.', 'kept Two.', 'sent Three.', 'kept Three.']);
  });

  it('keeps a reply asked again once it passes, and no reply that failed', async () => {
    const kept: string[] = [];
    let tries = 0;
    const flaky: Engine<EngineReply> = {
      ...createCopyEngine(),
      // The second text's first reply fails the engine's checks; its second passes.
      translate: async (texts) => texts.map((text) => (text === 'Two.' && tries++ === 0 ? { failure: 'lost a tag' } : text)),
    };
    const queue = queueFor(flaky, { onTranslated: (texts) => kept.push(...texts) });
    const translated = queue.translate(['One.', 'Two.']);
    queue.flush();
    expect(await translated).toEqual(['One.', 'Two.']);
    expect(kept).toEqual(['One.', 'Two.']);
    expect(queue.stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('fails the texts of an answer the memory could not keep rather than answering them', async () => {
    const sent: string[][] = [];
    const queue = queueFor(oneTextPerRequest((texts) => sent.push([...texts])), {
      onTranslated: () => {
        throw new Error('disk full');
      },
    });
    await expect(queue.translate(['One.'])).rejects.toThrow('disk full');
    expect(sent).toEqual([['One.']]);
  });
});
