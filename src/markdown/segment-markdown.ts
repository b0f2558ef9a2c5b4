import { extractSegments, type ExtractedArticle } from './extract-segments.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { protectRuleNames } from './protect/protect-rules.ts';
import type { Segment } from './segment.ts';
import type { SegmentOptions } from './segment-options.ts';

/** Parses markdown and splits it into segments: how every article, source or written, is read. */
export function segmentMarkdown(text: string, options: SegmentOptions): ExtractedArticle {
  return extractSegments(parseMarkdown(text), text, options);
}

/**
 * Options to read a translation of an article with: only the tokens the source kept from the engine are atoms
 * there too, so a translation that happens to hold a file name or a URL of its own still lines up with its source.
 */
export function outputSegmentOptions(frontmatterKeys: readonly string[], sourceSegments: readonly Segment[]): SegmentOptions {
  const words = new Set<string>();
  for (const segment of sourceSegments) for (const tag of segment.tags) if (tag.kind === 'atom' && tag.protected) words.add(tag.protected.text);
  return { frontmatterKeys, protect: { off: protectRuleNames, words: [...words], patterns: [] } };
}
