import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MemoryStore } from '../../src/memory/memory-store.ts';
import { SharedClaims } from '../../src/pipeline/shared-claims.ts';
import { memoryBackends } from './support/memory-backends.ts';
import { machineEntry, requestFor } from './support/memory-fixtures.ts';

describe.each(memoryBackends)('claims on texts being sent, on $name', (backend) => {
  let memory: MemoryStore;

  beforeEach(async () => {
    memory = await backend.open();
  });

  const hello = machineEntry({ sourceText: 'Hello.', targetText: 'Hola.' });
  const bye = machineEntry({ sourceText: 'Goodbye.', targetText: 'Adiós.' });

  it('gives a key to one owner at a time; the owner may claim it again', async () => {
    expect([...(await memory.claim([hello.key, bye.key], 'run-a', 60_000))].sort()).toEqual([hello.key, bye.key].sort());
    expect([...(await memory.claim([hello.key, 'other'], 'run-b', 60_000))]).toEqual(['other']);
    expect([...(await memory.claim([hello.key], 'run-a', 60_000))]).toEqual([hello.key]);
  });

  it('never claims a key the memory has an entry for', async () => {
    await memory.store([hello]);
    expect([...(await memory.claim([hello.key, bye.key], 'run-a', 60_000))]).toEqual([bye.key]);
  });

  it('hands a key over once its lease ran out, and not while it is renewed', async () => {
    await memory.claim([hello.key], 'run-a', 150);
    await memory.claim([bye.key], 'run-a', 150);
    await sleep(100);
    await memory.renewClaims('run-a', 60_000);
    await sleep(200);
    expect([...(await memory.claim([hello.key, bye.key], 'run-b', 60_000))]).toEqual([]);

    await memory.claim(['late'], 'run-c', 1);
    await sleep(50);
    expect([...(await memory.claim(['late'], 'run-b', 60_000))]).toEqual(['late']);
  });

  it('frees every key of an owner it releases', async () => {
    await memory.claim([hello.key, bye.key], 'run-a', 60_000);
    await memory.releaseClaims('run-a');
    expect((await memory.claim([hello.key, bye.key], 'run-b', 60_000)).size).toBe(2);
  });

  it('lets a waiting run take the answer another run stored, or the text once its claim is released', async () => {
    await memory.claim([hello.key, bye.key], 'other-run', 60_000);
    const claims = new SharedClaims(memory, { leaseMs: 60_000, pollMs: 20 });
    try {
      expect(await claims.claim([hello.key, bye.key])).toEqual(new Set([hello.key, bye.key]));
      const answered = claims.waitFor(requestFor(hello));
      const freed = claims.waitFor(requestFor(bye));
      await memory.store([hello]);
      expect(await answered).toMatchObject({ entry: { key: hello.key, targetText: 'Hola.' } });
      await memory.releaseClaims('other-run');
      expect(await freed).toEqual({ isOurs: true });
      expect(await claims.claim([bye.key])).toEqual(new Set());
    } finally {
      await claims.close();
    }
    // Released when the run ended: another run may send it now.
    expect([...(await memory.claim([bye.key], 'next-run', 60_000))]).toEqual([bye.key]);
  });

  it('stops waiting with an error when the run is interrupted', async () => {
    await memory.claim([hello.key], 'other-run', 60_000);
    const controller = new AbortController();
    const claims = new SharedClaims(memory, { leaseMs: 60_000, pollMs: 20 }, controller.signal);
    try {
      const waiting = claims.waitFor(requestFor(hello));
      controller.abort();
      await expect(waiting).rejects.toThrow(/interrupted/);
    } finally {
      await claims.close();
    }
  });
});
