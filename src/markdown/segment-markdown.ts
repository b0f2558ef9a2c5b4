import { extractSegments, type ExtractedArticle } from './extract-segments.ts';
import { parseMarkdown } from './parse-markdown.ts';

/** Parses markdown and splits it into segments: how every article, source or written, is read. */
export function segmentMarkdown(text: string, frontmatterKeys: readonly string[]): ExtractedArticle {
  return extractSegments(parseMarkdown(text), text, frontmatterKeys);
}
