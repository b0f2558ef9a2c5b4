import Database from 'better-sqlite3';
import { migrations } from '../src/memory/migrations.ts';
import { trigramsOf } from '../src/memory/trigram-query.ts';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
const words = (readdirSync('node_modules', { recursive: true }) as string[]).filter((n) => n.endsWith('.md')).flatMap((n) => readFileSync(path.join('node_modules', n), 'utf8').replace(/```[\s\S]*?```/g, '').match(/\b[\p{L}][\p{L}'-]*\b/gu) ?? []);
let seed = 7; const random = () => { seed = (seed + 0x6d2b79f5) | 0; let v = Math.imul(seed ^ (seed >>> 15), 1 | seed); v = (v + Math.imul(v ^ (v >>> 7), 61 | v)) ^ v; return ((v ^ (v >>> 14)) >>> 0) / 2 ** 32; };
const pick = <T,>(a: readonly T[]) => a[Math.floor(random() * a.length)]!;
const texts = Array.from({ length: 30000 }, () => Array.from({ length: 8 + Math.floor(random() * 22) }, () => pick(words)).join(' ') + '.');
import { matchAnyTrigram, pickRareTrigrams } from '../src/memory/trigram-query.ts';
for (const variant of ['full', 'detail-none', 'detail-column']) {
  const f = `/tmp/tm-dbprof-${variant}.sqlite`; for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
  const db = new Database(f); db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL');
  db.exec(variant === 'full' ? migrations[0]!.sql : migrations[0]!.sql.replace("tokenize = 'trigram'", `tokenize = 'trigram', detail = ${variant.slice(7)}`));
  if (variant === 'no-fts') db.exec('DROP TRIGGER entries_fts_insert');
  const ins = db.prepare(`INSERT INTO entries (key, source_id, source_text, source_plain, target_text, source_language, target_language, engine_profile, glossary_version, origin, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'en', 'fr', 'p', 'g', 'mt:deepl', 'machine', 'now', 'now')`);
  const cnt = db.prepare(`INSERT INTO trigram_counts VALUES (?, ?) ON CONFLICT (trigram) DO UPDATE SET documents = documents + excluded.documents`);
  const t = performance.now();
  for (let b = 0; b < 30; b++) db.transaction(() => {
    const counts = new Map<string, number>();
    for (let i = b * 1000; i < (b + 1) * 1000; i++) { ins.run('k' + i, 's' + i, texts[i], texts[i]); if (variant !== 'no-counts') for (const g of trigramsOf(texts[i]!)) counts.set(g, (counts.get(g) ?? 0) + 1); }
    for (const [g, n] of counts) cnt.run(g, n);
  })();
  console.log(variant, ((performance.now() - t) / 30).toFixed(1), 'ms per 1000');
  const counts = db.prepare(`SELECT trigram_counts.trigram, trigram_counts.documents FROM json_each(?) AS wanted JOIN trigram_counts ON trigram_counts.trigram = wanted.value`);
  const q = db.prepare(`SELECT entries.source_plain FROM entries_fts JOIN entries ON entries.id = entries_fts.rowid WHERE entries_fts MATCH ? AND entries.source_language = 'en' AND entries.target_language = 'fr' ORDER BY entries_fts.rank LIMIT 50`);
  for (const budget of [5000, 1e9]) {
    const t2 = performance.now(); let hits = 0;
    for (let i = 0; i < 50; i++) { const text = texts[i * 100]!.split(' ').map((w, j) => (j % 5 === 2 ? pick(words) : w)).join(' '); const tg = trigramsOf(text); const d = new Map((counts.all(JSON.stringify(tg)) as {trigram: string; documents: number}[]).map((r) => [r.trigram, r.documents])); const rows = q.all(matchAnyTrigram(pickRareTrigrams(tg, d, { budget, minimum: 8 }))) as {source_plain: string}[]; if (rows.some((r) => r.source_plain === texts[i * 100])) hits++; }
    console.log('  query budget', budget, ((performance.now() - t2) / 50).toFixed(1), 'ms; original found', hits, '/50');
  }
  const size = db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'entries_fts%'").pluck().get() as number;
  console.log('  fts size MB', (size / 2 ** 20).toFixed(1));
  db.close();
}
