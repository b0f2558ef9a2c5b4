import { words } from './article-words.ts';
import { generatePlainSentence, generateSentence } from './generate-sentence.ts';
import type { Random } from './random.ts';

/** A bullet list whose items sometimes hold a nested list, or a numbered list of steps. */
export function generateList(random: Random, linkBase: string): string {
  const isOrdered = random.chance(0.35);
  const lines: string[] = [];
  const count = random.int(2, 5);
  for (let item = 1; item <= count; item++) {
    const marker = isOrdered ? `${item}.` : '-';
    lines.push(`${marker} ${generateSentence(random, linkBase)}`);
    if (random.chance(0.3)) {
      const indent = ' '.repeat(marker.length + 1);
      for (let nested = random.int(2, 3); nested > 0; nested--) lines.push(`${indent}- ${generateSentence(random, linkBase)}`);
    }
  }
  return lines.join('\n');
}

// Header cells repeat from article to article, as they do on a real site: the engine should see them once.
const tableHeaders = [
  ['Year', 'Companies', 'Output'],
  ['District', 'Population', 'Main industry'],
  ['Event', 'Date', 'Venue'],
];

/** A GFM table with a repeated header and cells of short text, numbers and inline code. */
export function generateTable(random: Random): string {
  const header = random.pick(tableHeaders);
  const rows = Array.from({ length: random.int(3, 6) }, () => [
    random.chance(0.5) ? String(random.int(2015, 2024)) : capitalise(random.pick(words.places)),
    random.chance(0.3) ? `\`${random.pick(words.codeWords)}\`` : `${random.int(2, 900)} ${random.pick(words.pluralNouns)}`,
    `${capitalise(random.pick(words.adjectives))} ${random.pick(words.topics)}`,
  ]);
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

const codeSamples = [
  (random: Random) => ['```yaml', 'trip:', `  city: ${random.pick(['Chongqing', 'Liangjiang', 'Yuelai'])}`, `  date: 2022-07-${String(random.int(10, 28))}`, '  goals:', `    - visit the ${random.pick(words.nouns)}`, '```'],
  (random: Random) => ['```sh', 'npm ci', `npm run jialing -- translate --lang ${random.pick(['es', 'ca'])}`, '```'],
  (random: Random) => ['```ts', `const ${random.pick(words.nouns)}Count = ${random.int(1, 99)};`, `export function plan(visitors: number): number {`, `  return visitors * ${random.int(2, 9)};`, '}', '```'],
];

/** A fenced code block, which must come out byte for byte. */
export function generateCodeBlock(random: Random): string {
  return random.pick(codeSamples)(random).join('\n');
}

/** An image with alt text and sometimes a title, both translatable. */
export function generateImage(random: Random, index: number): string {
  const alt = generatePlainSentence(random).replace(/\.$/, '');
  const title = random.chance(0.5) ? ` "${capitalise(random.pick(words.adjectives))} ${random.pick(words.nouns)} in ${random.pick(['Chongqing', 'Yuelai', 'Liangjiang'])}"` : '';
  return `![${alt}](/images/article-${index}-${random.int(1, 9)}.jpg${title})`;
}

/** A block quote of one or two sentences. */
export function generateQuote(random: Random, linkBase: string): string {
  return `> ${generateSentence(random, linkBase)} ${generateSentence(random, linkBase)}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
