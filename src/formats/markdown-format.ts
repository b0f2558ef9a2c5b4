import { checkAnchors } from '../anchors/check-anchors.ts';
import { rewriteAnchors } from '../anchors/rewrite-anchors.ts';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import { checkNesting } from '../markdown/check-nesting.ts';
import { rebuildArticle } from '../markdown/rebuild-article.ts';
import { renderSegment, repairTranslation, type SegmentFailure } from '../markdown/render-segment.ts';
import type { Segment } from '../markdown/segment.ts';
import { outputSegmentOptions, segmentMarkdown } from '../markdown/segment-markdown.ts';
import { stringifyTaggedText, taggedTextToPlain } from '../markdown/tagged-text.ts';
import type { ArticleSegmenter } from '../pipeline/article-segmenter.ts';
import type { DocumentFormat } from './document-format.ts';

/** Markdown articles: segments from the mdast, translations spliced into the source, links following headings. */
export function createMarkdownFormat(
  config: Pick<ResolvedConfig, 'segmentOptions' | 'frontmatterKeys' | 'anchors' | 'qaSeverities'>,
  /** Where source articles are parsed in a run (a worker thread); this thread otherwise. */
  segmenter?: ArticleSegmenter,
): DocumentFormat {
  const segment = (text: string, file: string) => {
    checkNesting(text, file);
    return segmentMarkdown(text, config.segmentOptions);
  };
  return {
    name: 'markdown',
    async parse(text, file) {
      if (!segmenter) return segment(text, file);
      checkNesting(text, file);
      return segmenter.segment(text);
    },
    segment,
    segmentOutput: (text, sourceSegments) => segmentMarkdown(text, outputSegmentOptions(config.frontmatterKeys, sourceSegments)).segments,
    rebuild(source, translations) {
      const rebuilt = rebuildArticle(source.text, source.segments, translations);
      // Rewriting a fragment changes no line, so the rebuild's record of each segment's line still holds.
      return { ...rebuilt, text: rewriteAnchors(source.text, rebuilt.text, { style: config.anchors, file: source.file }) };
    },
    check: (source, output, language) =>
      checkAnchors(source.text, output, { style: config.anchors, file: source.file, targetLanguage: language, severities: config.qaSeverities }),
    renderSegment(segment, translations, segments) {
      // Frontmatter values, alt texts and titles are edited as plain text, which is what a save reads them as:
      // showing them quoted or escaped would have each approval quote the value once more.
      if (segment.sink.type !== 'inline') return { text: taggedTextToPlain(translations.get(segment.index) ?? segment.text), isBroken: false };
      const failures: SegmentFailure[] = [];
      const text = renderSegment({ ...segment, linePrefixes: [] }, { segments, translations, failures });
      return { text, isBroken: failures.length > 0 };
    },
    repairTranslation(segment, text) {
      const repaired = repairTranslation(segment, text);
      return 'nodes' in repaired ? stringifyTaggedText(repaired.nodes) : undefined;
    },
    context: articleTitle,
    keepsEditedFile: true,
  };
}

// The title tells an engine what the article is about, which short segments need.
function articleTitle(segments: readonly Segment[]): string | undefined {
  const title = segments.find((segment) => segment.kind === 'frontmatter') ?? segments.find((segment) => segment.kind === 'heading');
  return title ? taggedTextToPlain(title.text) : undefined;
}
