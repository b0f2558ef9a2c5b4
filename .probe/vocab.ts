import Database from 'better-sqlite3';
const db = new Database('/tmp/tm-probe.sqlite');
db.exec(`CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, entries_fts, row)`);
let t = performance.now();
const rows = db.prepare('SELECT term, doc FROM temp.v').all() as { term: string; doc: number }[];
console.log('full vocab', rows.length, (performance.now() - t).toFixed(0), 'ms');
rows.sort((a, b) => b.doc - a.doc); console.log(rows.slice(0, 5), rows.filter(r => r.doc > 10000).length, rows.filter(r => r.doc < 1000).length);
