import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { similarity } from '../src/memory/similarity.ts';
import { matchAnyTrigram, pickRareTrigrams, trigramsOf } from '../src/memory/trigram-query.ts';
const { queries, fr } = JSON.parse(readFileSync('/tmp/tm-probe-queries.json', 'utf8')) as { queries: string[]; fr: string[] };
const db = new Database('/tmp/tm-probe.sqlite', { readonly: true });
let t0 = performance.now();
import { existsSync, writeFileSync } from 'node:fs';
const truthFile = '/tmp/tm-probe-truth.json';
if (!existsSync(truthFile)) writeFileSync(truthFile, JSON.stringify(queries.map((q) => fr.filter((t) => t.length >= q.length * 0.75 && t.length <= q.length / 0.75 && similarity(q, t, 0.75) >= 0.75))));
const truth = (JSON.parse(readFileSync(truthFile, 'utf8')) as string[][]).map((list) => new Set(list));
console.log('truth in', ((performance.now() - t0) / 1000).toFixed(0), 's; queries with a true match:', truth.filter((s) => s.size > 0).length, 'total', truth.reduce((n, s) => n + s.size, 0));
const stmt = db.prepare(`SELECT entries.source_plain FROM entries_fts JOIN entries ON entries.id = entries_fts.rowid
  WHERE entries_fts MATCH ? AND entries.source_language = 'en' AND entries.target_language = 'fr'
  AND length(entries.source_plain) BETWEEN ? AND ? ORDER BY entries_fts.rank LIMIT 50`);
const counts = db.prepare(`SELECT trigram_counts.trigram, trigram_counts.documents FROM json_each(?) AS wanted JOIN trigram_counts ON trigram_counts.trigram = wanted.value`);
for (const budget of [3000, 5000, 10000]) for (const minimum of [1, 3, 8]) {
  let found = 0, wanted = 0, ftsMs = 0, countMs = 0, simMs = 0; const times: number[] = [];
  queries.forEach((q, i) => {
    const t0 = performance.now();
    const trigrams = trigramsOf(q);
    const documents = new Map((counts.all(JSON.stringify(trigrams)) as { trigram: string; documents: number }[]).map((r) => [r.trigram, r.documents]));
    const picked = pickRareTrigrams(trigrams, documents, { budget, minimum });
    const t1 = performance.now();
    const rows = stmt.all(matchAnyTrigram(picked), Math.ceil(q.length * 0.75), Math.floor(q.length / 0.75)) as { source_plain: string }[];
    const t2 = performance.now(); ftsMs += t2 - t1; countMs += t1 - t0;
    const hits = rows.filter((r) => similarity(q, r.source_plain, 0.75) >= 0.75).map((r) => r.source_plain);
    times.push(performance.now() - t0); simMs += performance.now() - t2;
    wanted += truth[i]!.size; found += hits.filter((h) => truth[i]!.has(h)).length;
  });
  times.sort((a, b) => a - b);
  const p = (f: number) => times[Math.min(times.length - 1, Math.floor(times.length * f))]!.toFixed(1);
  console.log(`budget ${budget} min ${minimum}: recall ${found}/${wanted}; median ${p(0.5)} ms, p95 ${p(0.95)}, max ${p(1)}; totals: counts ${countMs.toFixed(0)} fts ${ftsMs.toFixed(0)} sim ${simMs.toFixed(0)}`);
}
