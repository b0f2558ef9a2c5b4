import type { Root } from 'mdast';
import { areBlocksAligned } from '../align-blocks.ts';
import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt } from '../excerpt.ts';
import { walkNodes } from '../walk-nodes.ts';

const keptSource = /came back broken.*source text was kept/;

/**
 * Kind 10: the written output carries the source's inline code, HTML and link, image and definition URLs, no
 * more and no fewer (compared as a multiset over the document, as a translation may reorder them); and a
 * segment the run reported as broken and kept in the source language is written as its source.
 */
export function detectBrokenReply(pair: DocumentPair): Detection[] {
  const sourceMarkup = countMarkup(pair.source.tree);
  const outputMarkup = countMarkup(pair.output.tree);
  const detections: Detection[] = [];
  for (const item of new Set([...sourceMarkup.keys(), ...outputMarkup.keys()])) {
    const sourceCount = sourceMarkup.get(item) ?? 0;
    const outputCount = outputMarkup.get(item) ?? 0;
    if (sourceCount === outputCount) continue;
    detections.push({ message: `${sourceCount > outputCount ? 'lost' : 'duplicated'}: ${excerpt(item, 0, 80)} (${sourceCount} in the source, ${outputCount} in the output)`, source: '', output: '' });
  }
  if (!areBlocksAligned(pair.source, pair.output)) return detections;
  for (const problem of pair.problems.filter((item) => keptSource.test(item.message))) {
    const indexes = pair.source.blocks.flatMap((block, index) => (block.line === problem.line ? [index] : []));
    if (indexes.length === 0 || indexes.some((index) => pair.source.blocks[index]!.text === pair.output.blocks[index]!.text)) continue;
    const index = indexes[0]!;
    detections.push({
      message: `reported as kept in the source language, but written otherwise: ${problem.message}`,
      source: excerpt(pair.source.blocks[index]!.text),
      output: excerpt(pair.output.blocks[index]!.text),
      sourceLine: problem.line,
      outputLine: pair.output.blocks[index]!.line,
    });
  }
  return detections;
}

/** Inline code, HTML and URLs of a document, each with how often it occurs. */
function countMarkup(tree: Root): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (item: string) => counts.set(item, (counts.get(item) ?? 0) + 1);
  walkNodes(tree, (node) => {
    if (node.type === 'inlineCode') add(`inline code \`${node.value}\``);
    else if (node.type === 'html') add(`HTML ${withoutInPageHrefs(node.value)}`);
    else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      // In-page fragments are kind 2's: a fix may rightly rewrite them to the translated heading's slug.
      if (!node.url.startsWith('#')) add(`${node.type} URL ${withoutLocalFragment(node.url)}`);
    }
  });
  return counts;
}

/** HTML with its in-page `href="#…"` fragments blanked: like a link's, they may follow a translated heading. */
function withoutInPageHrefs(html: string): string {
  return html.replace(/(\bhref\s*=\s*["'])#[^"']*/gi, '$1#');
}

/** A link to another local file keeps its path; its fragment may be rewritten like an in-page one. */
function withoutLocalFragment(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') ? url : url.replace(/#.*/s, '');
}
