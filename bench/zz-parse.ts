import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
const dir = 'bench/corpus/en-1-1000';
const files = (await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith('.md')).slice(0, 300);
const texts = await Promise.all(files.map((f) => readFile(path.join(dir, String(f)), 'utf8')));
const variants = {
  plain: unified().use(remarkParse).freeze(),
  gfm: unified().use(remarkParse).use(remarkGfm).freeze(),
  all: unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze(),
};
for (let rep = 0; rep < 3; rep++) for (const [name, p] of Object.entries(variants)) {
  const t = performance.now();
  for (const text of texts) p.parse(text);
  console.log(name, ((performance.now() - t) / texts.length).toFixed(2), 'ms/article');
}
