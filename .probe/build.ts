import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { memoryKey } from '../src/memory/memory-key.ts';
import { TranslationMemory } from '../src/memory/translation-memory.ts';
const words = (readdirSync('node_modules', { recursive: true }) as string[]).filter((n) => n.endsWith('.md')).flatMap((n) => readFileSync(path.join('node_modules', n), 'utf8').replace(/```[\s\S]*?```/g, '').match(/\b[\p{L}][\p{L}'-]*\b/gu) ?? []);
console.log('word tokens', words.length, 'distinct', new Set(words).size);
let seed = 42;
const random = () => { seed = (seed + 0x6d2b79f5) | 0; let v = Math.imul(seed ^ (seed >>> 15), 1 | seed); v = (v + Math.imul(v ^ (v >>> 7), 61 | v)) ^ v; return ((v ^ (v >>> 14)) >>> 0) / 2 ** 32; };
const pick = <T,>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
const sentence = () => { const n = 8 + Math.floor(random() * 22); const p = Array.from({ length: n }, () => pick(words)); return p.join(' ') + '.'; };
rmSync('/tmp/tm-probe.sqlite', { force: true });
const m = TranslationMemory.open('/tmp/tm-probe.sqlite');
const all: string[] = []; let storeMs = 0;
for (const [tl, count] of [['fr', 80000], ['de', 20000]] as const) for (let s = 0; s < count; s += 1000) {
  const batch = Array.from({ length: 1000 }, () => { const sourceText = sentence(); all.push(sourceText); const pair = { sourceLanguage: 'en', targetLanguage: tl, engineProfile: 'p', glossaryVersion: 'g' }; return { key: memoryKey({ sourceText, ...pair }), sourceText, targetText: 'x', origin: 'mt:deepl' as const, ...pair }; });
  const t0 = performance.now(); m.store(batch); storeMs += performance.now() - t0;
}
m.close(); console.log('store ms', storeMs.toFixed(0));
const edit = (t: string, k: number) => { const p = t.split(' '); for (let i = 0; i < k; i++) p[Math.floor(random() * p.length)] = pick(words); return p.join(' '); };
const queries = [...Array.from({ length: 40 }, (_, i) => edit(all[Math.floor(random() * 80000)]!, 1 + (i % 4))), ...Array.from({ length: 20 }, () => sentence())];
writeFileSync('/tmp/tm-probe-queries.json', JSON.stringify({ queries, fr: all.slice(0, 80000) }));
