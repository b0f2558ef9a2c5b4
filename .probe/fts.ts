import Database from 'better-sqlite3';
const db = new Database(':memory:');
db.exec(`CREATE TABLE e(id INTEGER PRIMARY KEY, p TEXT); CREATE VIRTUAL TABLE f USING fts5(p, content='e', content_rowid='id', tokenize='trigram'); INSERT INTO e(p) VALUES ('hello world');`);
try { db.exec(`INSERT INTO f (f, rank) VALUES ('integrity-check', 1)`); console.log('no error'); } catch (e) { console.log('error', (e as Error).message); }
