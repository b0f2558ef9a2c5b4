/**
 * Measures the translation memory at scale: `npx tsx tests/memory/bench/memory-bench.ts [entries] [--recall]`.
 * Sentences are drawn word by word from the prose of the markdown files under node_modules, so trigram
 * frequencies follow real English; `--recall` also compares suggestions for near texts with a scan of every entry.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { LookupRequest, NewMemoryEntry, Suggestion } from '../../../src/memory/memory-entry.ts';
import { memoryKey } from '../../../src/memory/memory-key.ts';
import { similarity } from '../../../src/memory/similarity.ts';
import { exportTmx } from '../../../src/memory/tmx-export.ts';
import { importTmx } from '../../../src/memory/tmx-import.ts';
import { SqliteMemory } from '../../../src/memory/sqlite/sqlite-memory.ts';

const total = Number(process.argv.find((argument) => /^\d+$/.test(argument)) ?? 100_000);
const isCheckingRecall = process.argv.includes('--recall');
const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules');
const words = (readdirSync(modules, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) => readFileSync(path.join(modules, name), 'utf8').replace(/```[\s\S]*?```/g, '').match(/\b\p{L}[\p{L}'-]*\b/gu) ?? []);

// mulberry32 with a fixed seed, so every run measures the same texts.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
  return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function sentence(): string {
  const parts = Array.from({ length: 8 + Math.floor(random() * 22) }, () => pick(words));
  // Some segments carry formatting or a masked glossary term, as articles do.
  if (random() < 0.2) parts[1] = `<g1>${parts[1]}</g1>`;
  if (random() < 0.15) parts[3] = '<x2/>';
  return `${parts.join(' ')}.`;
}

/** The sentence with one to four words replaced: a near match whose earlier translation should be suggested. */
function edit(text: string): string {
  const parts = text.split(' ');
  const edits = 1 + Math.floor(random() * 4);
  for (let count = 0; count < edits; count++) parts[Math.floor(random() * parts.length)] = pick(words);
  return parts.join(' ');
}

const time = async <T>(action: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await action();
  return [result, performance.now() - start];
};
const percentile = (values: readonly number[], fraction: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * fraction))]!;
const describe = (values: readonly number[]) => `median ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'jialing-memory-bench-'));
const file = path.join(dir, 'memory.sqlite');
const memory = SqliteMemory.open(file);

try {
  const pairs = [
    { targetLanguage: 'fr', count: Math.round(total * 0.8) },
    { targetLanguage: 'de', count: total - Math.round(total * 0.8) },
  ];
  const french: NewMemoryEntry[] = [];
  const storeTimes: number[] = [];
  for (const { targetLanguage, count } of pairs) {
    for (let start = 0; start < count; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - start) }, () => {
        const sourceText = sentence();
        const keyed = { sourceText, sourceLanguage: 'en', targetLanguage, engineProfile: 'deepl', glossaryVersion: 'g1' };
        return { ...keyed, key: memoryKey(keyed), targetText: `[${targetLanguage}] ${sourceText}`, origin: 'mt:deepl' as const };
      });
      storeTimes.push((await time(() => memory.store(batch)))[1]);
      if (targetLanguage === 'fr') french.push(...batch);
    }
  }
  console.log(`${words.length} word tokens (${new Set(words).size} distinct) to draw from`);
  console.log(`entries: ${(await memory.counts()).entries}; store of 1000: ${describe(storeTimes)}; file ${(statSync(file).size / 2 ** 20).toFixed(0)} MB`);

  const keyed = (sourceText: string): LookupRequest => ({ key: memoryKey({ sourceText, sourceLanguage: 'en', targetLanguage: 'fr', engineProfile: 'deepl', glossaryVersion: 'g1' }), sourceText, sourceLanguage: 'en', targetLanguage: 'fr' });
  const batches = {
    'stored texts': Array.from({ length: 1000 }, () => pick(french)),
    'new texts': Array.from({ length: 1000 }, () => keyed(sentence())),
  };
  for (const [name, requests] of Object.entries(batches)) {
    const runs: [Map<string, unknown>, number][] = [];
    for (let run = 0; run < 20; run++) runs.push(await time(() => memory.lookup(requests)));
    console.log(`lookup of 1000 ${name}: ${runs[0]![0].size} found; ${describe(runs.map(([, ms]) => ms))}`);
  }

  const queries = { 'near texts': Array.from({ length: 200 }, () => edit(pick(french).sourceText)), 'new texts': Array.from({ length: 200 }, sentence) };
  for (const [name, texts] of Object.entries(queries)) {
    const runs: [Suggestion[], number][] = [];
    for (const text of texts) runs.push(await time(() => memory.suggest(text, 'en', 'fr')));
    console.log(`suggest for ${name}: ${runs.filter(([found]) => found.length > 0).length}/${texts.length} get suggestions; ${describe(runs.map(([, ms]) => ms))}`);
    if (!isCheckingRecall || name !== 'near texts') continue;
    // Ground truth: every stored French entry at least 0.75 similar, found by scanning them all.
    let expected = 0;
    let found = 0;
    texts.forEach((text, index) => {
      const plain = (source: string) => source.replace(/<[^>]+>/g, '');
      const best = french.filter((entry) => similarity(plain(text), plain(entry.sourceText), 0.75) >= 0.75).map((entry) => entry.sourceText);
      expected += Math.min(best.length, 3);
      found += runs[index]![0].filter((suggestion) => best.includes(suggestion.sourceText)).length;
    });
    console.log(`  recall against a full scan: ${found}/${expected}`);
  }

  const [exported, exportMs] = await time(() => exportTmx(memory));
  const copy = SqliteMemory.open(path.join(dir, 'copy.sqlite'));
  const [imported, importMs] = await time(() => importTmx(copy, exported, { sourceLanguage: 'en' }));
  await copy.close();
  console.log(`TMX of every entry (${(exported.length / 2 ** 20).toFixed(0)} MB): export ${(exportMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s (${imported.imported} imported)`);
} finally {
  await memory.close();
  rmSync(dir, { recursive: true, force: true });
}
