import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { similarity } from '../src/memory/similarity.ts';
const { queries, fr } = JSON.parse(readFileSync('/tmp/tm-probe-queries.json', 'utf8')) as { queries: string[]; fr: string[] };
const db = new Database('/tmp/tm-probe.sqlite', { readonly: true });
const truth = queries.map((q) => new Set(fr.filter((t) => similarity(q, t, 0.75) >= 0.75)));
console.log('queries with a true match:', truth.filter((s) => s.size > 0).length);
const stmt = db.prepare(`SELECT entries.source_plain FROM entries_fts JOIN entries ON entries.id = entries_fts.rowid
  WHERE entries_fts MATCH ? AND entries.source_language = 'en' AND entries.target_language = 'fr'
  AND length(entries.source_plain) BETWEEN ? AND ? ORDER BY entries_fts.rank LIMIT 50`);
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
const windows = (q: string, n: number) => { const w = q.split(' '); if (w.length < n) return [q]; return Array.from({ length: w.length - n + 1 }, (_, i) => w.slice(i, i + n).join(' ')); };
const strategies: Record<string, (q: string) => string> = {
  words3: (q) => [...new Set(windows(q.toLowerCase(), 3))].map(quote).join(' OR '),
  words2: (q) => [...new Set(windows(q.toLowerCase(), 2))].map(quote).join(' OR '),
};
for (const [name, build] of Object.entries(strategies)) {
  let found = 0, wanted = 0; const times: number[] = [];
  queries.forEach((q, i) => {
    const t0 = performance.now();
    const rows = stmt.all(build(q), Math.ceil(q.length * 0.75), Math.floor(q.length / 0.75)) as { source_plain: string }[];
    const hits = rows.filter((r) => similarity(q, r.source_plain, 0.75) >= 0.75).map((r) => r.source_plain);
    times.push(performance.now() - t0);
    wanted += truth[i]!.size; found += hits.filter((h) => truth[i]!.has(h)).length;
  });
  times.sort((a, b) => a - b);
  console.log(name, `recall ${found}/${wanted}`, 'median', times[50]!.toFixed(1), 'p95', times[95]!.toFixed(1), 'max', times[99]!.toFixed(1));
}
