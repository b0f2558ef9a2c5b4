import PQueue from 'p-queue';
import { describe, expect, it } from 'vitest';
import { createCopyEngine } from '../../src/engines/copy-engine.ts';
import { TranslationQueue } from '../../src/pipeline/translation-queue.ts';

const retry = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 };

function copyQueue(answersKept?: number): TranslationQueue {
  return new TranslationQueue({ engine: createCopyEngine(), pair: { source: 'en', target: 'es' }, requests: new PQueue({ concurrency: 1 }), retry, answersKept });
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
});
