import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { EngineError } from '../errors.ts';
import type { LookupRequest, MemoryEntry } from '../memory/memory-entry.ts';
import type { MemoryStore } from '../memory/memory-store.ts';

/** How long a claim holds without being renewed, and how often a waiting run looks again. */
export interface ClaimTimes {
  /** A run that died stops renewing its claims: after this long another run sends their texts itself. */
  readonly leaseMs: number;
  readonly pollMs: number;
}

export const defaultClaimTimes: ClaimTimes = { leaseMs: 30_000, pollMs: 250 };

/** What waiting for another run's text ends with: its answer from the memory, or the text is this run's to send. */
export type ClaimOutcome = { readonly entry: MemoryEntry } | { readonly isOurs: true };

interface Waiter {
  readonly request: LookupRequest;
  readonly settle: (outcome: ClaimOutcome) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * The texts a run sends to its engines, claimed in the memory so that other runs sharing it (on other machines,
 * at the same moment) wait for the answer instead of paying for the same text; and this run's waiting for the
 * texts others claimed. Claims are renewed while the run lives and released when it ends.
 */
export class SharedClaims {
  /** Names the run in the memory: machine and process, for whoever looks at the claims table. */
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #memory: MemoryStore;
  readonly #times: ClaimTimes;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #waiters = new Set<Waiter>();
  #poll?: NodeJS.Timeout;
  #stopped?: Error;

  constructor(memory: MemoryStore, times: ClaimTimes = defaultClaimTimes, signal?: AbortSignal) {
    this.#memory = memory;
    this.#times = times;
    // A missed renewal is tried again at the next beat, well before the lease runs out.
    this.#heartbeat = setInterval(() => void memory.renewClaims(this.owner, times.leaseMs).catch(() => {}), times.leaseMs / 3);
    this.#heartbeat.unref();
    signal?.addEventListener('abort', () => this.#stop(new EngineError('The run was interrupted while another run was translating this text.')), { once: true });
  }

  /** Claims the keys this run is about to send; returns those another live run holds, to wait for. */
  async claim(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const ours = await this.#memory.claim(keys, this.owner, this.#times.leaseMs);
    return new Set(keys.filter((key) => !ours.has(key)));
  }

  /** Waits until the answer for a key another run claimed is in the memory, or its claim is free and now this run's. */
  waitFor(request: LookupRequest): Promise<ClaimOutcome> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    return new Promise((settle, fail) => {
      this.#waiters.add({ request, settle, fail });
      this.#schedule();
    });
  }

  /** Stops renewing and gives every claim of this run up, so that others need not wait for its leases to run out. */
  async close(): Promise<void> {
    this.#stop(new EngineError('The run ended while another run was translating this text.'));
    await this.#memory.releaseClaims(this.owner);
  }

  #schedule(): void {
    this.#poll ??= setTimeout(() => void this.#look(), this.#times.pollMs);
  }

  // One lookup and one claim for every text waited on, whatever the number of articles waiting.
  async #look(): Promise<void> {
    const waiters = [...this.#waiters];
    try {
      const found = await this.#memory.lookup(waiters.map((waiter) => waiter.request));
      const answered = waiters.filter((waiter) => found.has(waiter.request.key));
      for (const waiter of answered) this.#settle(waiter, { entry: found.get(waiter.request.key)! });
      const open = waiters.filter((waiter) => !found.has(waiter.request.key));
      const ours = await this.#memory.claim(
        open.map((waiter) => waiter.request.key),
        this.owner,
        this.#times.leaseMs,
      );
      for (const waiter of open) if (ours.has(waiter.request.key)) this.#settle(waiter, { isOurs: true });
    } catch (error) {
      for (const waiter of waiters) {
        this.#waiters.delete(waiter);
        waiter.fail(error);
      }
    }
    this.#poll = undefined;
    if (this.#waiters.size > 0 && !this.#stopped) this.#schedule();
  }

  #settle(waiter: Waiter, outcome: ClaimOutcome): void {
    this.#waiters.delete(waiter);
    waiter.settle(outcome);
  }

  #stop(reason: Error): void {
    this.#stopped ??= reason;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#poll);
    for (const waiter of this.#waiters) waiter.fail(reason);
    this.#waiters.clear();
  }
}
