import { performance } from 'node:perf_hooks';

/**
 * Returns a check of whether this thread was idle at least `minIdleShare` of the time since the check was last
 * made (or created): a thread busy with its own work would only slow it down by taking on more.
 */
export function wasIdleSinceLastLook(minIdleShare: number): () => boolean {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const busyShare = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return 1 - busyShare >= minIdleShare;
  };
}
