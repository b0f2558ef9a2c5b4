import { alignBlocks } from '../align-blocks.ts';
import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt, sourceOf } from '../excerpt.ts';
import { walkNodes } from '../walk-nodes.ts';
import type { Root } from 'mdast';

const linkTypes = new Set(['link', 'linkReference']);
const leftoverSyntax = /\]\(|\[[^[\]\n]*\]/g;

/**
 * Kind 6: the output has a link inside a link, link syntax (`](`, `[…]`) left as text where the source's text
 * had less of it, or another number of links than the source.
 */
export function detectLinkStructure(pair: DocumentPair): Detection[] {
  const detections: Detection[] = [];
  const nested = nestedLinks(pair.output.tree);
  if (nested.length > nestedLinks(pair.source.tree).length) {
    for (const node of nested) {
      detections.push({ message: 'a link inside a link', source: '', output: excerpt(sourceOf(pair.output.text, node)), outputLine: node.position?.start.line });
    }
  }
  for (const text of alignBlocks(pair.source, pair.output)) {
    const sourceCount = countMatches(text.source, leftoverSyntax);
    const outputCount = countMatches(text.output, leftoverSyntax);
    if (outputCount <= sourceCount) continue;
    const at = [...text.output.matchAll(leftoverSyntax)][sourceCount]?.index ?? 0;
    detections.push({
      message: `link syntax left as text: ${outputCount} \`](\` or \`[…]\` in the output text, ${sourceCount} in the source`,
      source: excerpt(text.source, Math.round((at * text.source.length) / Math.max(1, text.output.length))),
      output: excerpt(text.output, at),
      sourceLine: text.sourceLine,
      outputLine: text.outputLine,
    });
  }
  const sourceLinks = countLinks(pair.source.tree);
  const outputLinks = countLinks(pair.output.tree);
  if (sourceLinks !== outputLinks) detections.push({ message: `${sourceLinks} links in the source, ${outputLinks} in the output`, source: '', output: '' });
  return detections;
}

function nestedLinks(tree: Root) {
  const found: { position?: Root['position'] }[] = [];
  walkNodes(tree, (node, ancestors) => {
    if (linkTypes.has(node.type) && ancestors.some((ancestor) => linkTypes.has(ancestor.type))) found.push(node);
  });
  return found;
}

function countLinks(tree: Root): number {
  let count = 0;
  walkNodes(tree, (node) => {
    if (linkTypes.has(node.type)) count += 1;
  });
  return count;
}

function countMatches(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}
