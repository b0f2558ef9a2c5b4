import type { Blockquote } from 'mdast';
import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt, sourceOf } from '../excerpt.ts';
import type { ParsedDocument } from '../parse-document.ts';
import { findNodes } from '../walk-nodes.ts';

const alertMarker = /^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/i;

/** Kind 3: a blockquote opening with a GitHub alert marker (`[!NOTE]`) opens with the same bytes in the output. */
export function detectAlerts(pair: DocumentPair): Detection[] {
  const outputQuotes = findNodes(pair.output.tree, ['blockquote']);
  return findNodes(pair.source.tree, ['blockquote']).flatMap((quote, index) => {
    const marker = alertMarker.exec(firstLine(pair.source, quote))?.[0];
    if (marker === undefined) return [];
    const outputQuote = outputQuotes[index];
    const outputLine = outputQuote ? firstLine(pair.output, outputQuote) : '';
    if (outputLine.startsWith(marker)) return [];
    return [
      {
        message: outputQuote ? `alert marker \`${marker}\` became \`${excerpt(outputLine, 0, 24)}\`` : `alert marker \`${marker}\`: no blockquote in its place`,
        source: excerpt(firstLine(pair.source, quote)),
        output: excerpt(outputLine),
        sourceLine: quote.position?.start.line,
        outputLine: outputQuote?.position?.start.line,
      },
    ];
  });
}

/** The first line of a blockquote's first paragraph, as written. */
function firstLine(document: ParsedDocument, quote: Blockquote): string {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return '';
  return sourceOf(document.text, first).split('\n')[0]!;
}
