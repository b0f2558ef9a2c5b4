// Shared by the markdown tests: rendering to HTML for comparison, and extract → translate → rebuild shortcuts.
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { ExtractedArticle } from '../../src/markdown/extract-segments.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import { rebuildArticle, type RebuiltArticle } from '../../src/markdown/rebuild-article.ts';

const htmlProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

const frontmatterParser = unified().use(remarkParse).use(remarkFrontmatter).freeze();

/** HTML as a reader sees it: GFM on, raw HTML passed through. Frontmatter is not part of it. */
export function renderHtml(markdown: string): string {
  return String(htmlProcessor.processSync(markdown));
}

/** The data of a document's YAML frontmatter as JSON, `(none)` without one, or why it does not parse. */
export function frontmatterData(markdown: string): string {
  const first = frontmatterParser.parse(markdown).children[0];
  if (first?.type !== 'yaml') return '(none)';
  try {
    return JSON.stringify(parseYaml(first.value));
  } catch (error) {
    return `invalid YAML: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** What a document means to its readers: its HTML plus its frontmatter data (which the HTML drops). */
export function renderDocument(markdown: string): string {
  return `${renderHtml(markdown)}\n<!-- frontmatter: ${frontmatterData(markdown)} -->`;
}

export function extract(source: string, frontmatterKeys: readonly string[] = []): ExtractedArticle {
  return segmentMarkdown(source, segmentOptions(frontmatterKeys));
}

/** Rebuilds `source` with hand-written translations, keyed by segment index: the text and the failures. */
export function rebuildWith(source: string, translations: Readonly<Record<number, string>>, frontmatterKeys: readonly string[] = []): Pick<RebuiltArticle, 'text' | 'failures'> {
  const { segments } = extract(source, frontmatterKeys);
  const { text, failures } = rebuildArticle(source, segments, new Map(Object.entries(translations).map(([index, text]) => [Number(index), text])));
  return { text, failures };
}
