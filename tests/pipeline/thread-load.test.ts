import { describe, expect, it } from 'vitest';
import { wasIdleSinceLastLook } from '../../src/pipeline/thread-load.ts';

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const idleFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('wasIdleSinceLastLook', () => {
  it('tells a thread that mostly waited since the last look from one that mostly worked', async () => {
    const wasIdle = wasIdleSinceLastLook(0.5);
    await idleFor(60);
    expect(wasIdle()).toBe(true);
    // Wide margins: on a loaded machine a 1 ms wait can take tens of milliseconds.
    await idleFor(1);
    busyFor(300);
    expect(wasIdle()).toBe(false);
    await idleFor(300);
    expect(wasIdle()).toBe(true);
  });
});
