// Shared by the QA tests: segments extracted from real markdown, and a check context with defaults.
import type { CheckContext } from '../../src/qa/check-context.ts';
import { segmentMarkdown } from '../../src/markdown/segment-markdown.ts';
import { segmentOptions } from '../../src/markdown/segment-options.ts';
import type { Segment } from '../../src/markdown/segment.ts';

/** Every segment of a markdown document, as the pipeline extracts them. */
export function segmentsOf(markdown: string, frontmatterKeys: readonly string[] = []): readonly Segment[] {
  return segmentMarkdown(markdown, segmentOptions(frontmatterKeys)).segments;
}

/** The first segment of each of two one-block documents: a source and its translation. */
export function pairOf(source: string, target: string): [Segment, Segment] {
  return [segmentsOf(source)[0]!, segmentsOf(target)[0]!];
}

/** An English → Spanish context for `guide.md` with no glossary terms, with overrides spread in. */
export function contextFor(overrides: Partial<CheckContext> = {}): CheckContext {
  return { file: 'guide.md', sourceLanguage: 'en', targetLanguage: 'es', terms: [], severities: {}, ...overrides };
}
