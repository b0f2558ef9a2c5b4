/**
 * Generated articles for runs with many requests: `guideNN.md` holds a heading and numbered
 * paragraphs, every segment unique to its article and naming it, so a text sent to the DeepL test
 * server tells which article it belongs to, and the expected fake-German output is known exactly.
 */

/** Article names `guide00`, `guide01`, …: fixed width, so file order is numeric order. */
export function articleNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `guide${String(index).padStart(2, '0')}`);
}

/** Source markdown: a heading and `paragraphs` paragraphs with bold text and inline code. */
export function numberedArticle(name: string, paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, index) => `Paragraph ${index + 1} of ${name} is **bold** and has \`code ${index + 1}\`.`);
  return [`# Notes on ${name}`, ...body].join('\n\n') + '\n';
}

/** The tagged texts jialing sends for `numberedArticle(name, paragraphs)`. */
export function numberedArticleTexts(name: string, paragraphs: number): string[] {
  return [`Notes on ${name}`, ...Array.from({ length: paragraphs }, (_, index) => `Paragraph ${index + 1} of ${name} is <g1>bold</g1> and has <x2/>.`)];
}

/** What jialing writes for `numberedArticle(name, paragraphs)` with the DeepL test server as engine. */
export function numberedArticleTranslated(name: string, paragraphs: number, target = 'DE'): string {
  const upper = name.toUpperCase();
  const body = Array.from({ length: paragraphs }, (_, index) => `\\[${target}] PARAGRAPH ${index + 1} OF ${upper} IS **BOLD** AND HAS \`code ${index + 1}\`.`);
  return [`# \\[${target}] NOTES ON ${upper}`, ...body].join('\n\n') + '\n';
}

/** Project files `articles/en/guideNN.md` for `count` articles. */
export function numberedArticleFiles(count: number, paragraphs: number): Record<string, string> {
  return Object.fromEntries(articleNames(count).map((name) => [`articles/en/${name}.md`, numberedArticle(name, paragraphs)]));
}

/** The article a sent text belongs to. */
export function articleOfText(text: string): string {
  const name = /\bguide\d+\b/.exec(text)?.[0];
  if (!name) throw new Error(`Not a text of a numbered article: ${text}`);
  return name;
}
