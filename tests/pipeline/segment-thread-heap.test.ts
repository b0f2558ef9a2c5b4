import { describe, expect, it } from 'vitest';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { segmentInWorker } from '../../src/pipeline/article-segmenter.ts';
import { limitSegmentThreadHeap } from '../../src/pipeline/segment-thread-heap.ts';

const script = new URL('./fixtures/heap-cap-segment-worker.mjs', import.meta.url);

async function capOfNewThread(): Promise<number> {
  const segmenter = segmentInWorker(segmentOptions([]), { script });
  try {
    // Before it is ready, an article would be segmented on this thread.
    expect(await segmenter.isReady).toBe(true);
    const { warnings } = await segmenter.segment('Text.\n');
    return Number(warnings[0]);
  } finally {
    segmenter.close();
  }
}

// In this order: the cap holds for the rest of the process, and each test file starts with its modules fresh.
describe('the segmenting thread’s heap', () => {
  it('has V8’s own limit until a cap is set', async () => {
    expect(await capOfNewThread()).toBeGreaterThan(256);
  });

  it('is capped as set for every thread started afterwards', async () => {
    limitSegmentThreadHeap(64);
    expect(await capOfNewThread()).toBe(64);
  });
});
