import { words } from './article-words.ts';
import { generateCodeBlock, generateImage, generateList, generateQuote, generateTable } from './generate-blocks.ts';
import { generateParagraph, generatePlainSentence } from './generate-sentence.ts';
import { createRandom, type Random } from './random.ts';

/** One generated article: where it goes under the articles folder and its markdown. */
export interface GeneratedArticle {
  readonly relativePath: string;
  readonly text: string;
}

// The same closing paragraph on every article, as sites have: it must be translated once per run.
const footer = 'This article is part of the *Chongqing industry* series. Read the other articles in the [archive](/archive/index.html).';

/** Article `index` of the corpus; it depends only on the seed and the index, so corpora of every size share their first articles. */
export function generateArticle(seed: number, index: number): GeneratedArticle {
  const random = createRandom(seed * 1_000_003 + index);
  const section = random.pick(words.sections);
  const linkBase = `https://example.com/${section}`;
  const title = generatePlainSentence(random).replace(/\.$/, '');
  const blocks = [frontmatter(random, title, index, section), generateParagraph(random, linkBase)];
  for (let count = random.int(3, 6); count > 0; count--) blocks.push(...generateSection(random, linkBase, index));
  blocks.push(footer);
  const folder = random.chance(0.4) ? `${section}/${random.int(2019, 2024)}` : section;
  return { relativePath: `${folder}/article-${String(index).padStart(5, '0')}.md`, text: `${blocks.join('\n\n')}\n` };
}

function frontmatter(random: Random, title: string, index: number, section: string): string {
  const tags = Array.from(new Set([random.pick(words.topics), random.pick(words.topics), random.pick(['Chongqing', 'Liangjiang', 'Yuelai'])]));
  return [
    '---',
    `title: "${title}"`,
    `description: "${generatePlainSentence(random)}"`,
    `date: ${random.int(2019, 2024)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
    `author: "${random.pick(words.authors)}"`,
    'tags:',
    ...tags.map((tag) => `  - ${tag}`),
    `slug: ${section}-${index}`,
    '---',
  ].join('\n');
}

function generateSection(random: Random, linkBase: string, index: number): string[] {
  const blocks = [`## ${capitalise(random.pick(words.adjectives))} ${random.pick(words.topics)} in ${random.pick(words.places)}`, generateParagraph(random, linkBase)];
  if (random.chance(0.3)) blocks.push(`### ${capitalise(random.pick(words.pluralNouns))} for ${random.pick(words.topics)}`, generateParagraph(random, linkBase));
  if (random.chance(0.5)) blocks.push(generateList(random, linkBase));
  if (random.chance(0.25)) blocks.push(generateTable(random));
  if (random.chance(0.2)) blocks.push(generateCodeBlock(random));
  if (random.chance(0.2)) blocks.push(generateImage(random, index));
  if (random.chance(0.15)) blocks.push(generateQuote(random, linkBase));
  if (random.chance(0.6)) blocks.push(generateParagraph(random, linkBase));
  return blocks;
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
