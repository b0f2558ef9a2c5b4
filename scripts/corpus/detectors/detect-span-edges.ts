import type { Nodes } from 'mdast';
import { areBlocksAligned } from '../align-blocks.ts';
import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt, sourceOf } from '../excerpt.ts';
import type { ParsedDocument } from '../parse-document.ts';
import { countInSpan, edgeOf } from '../span-edges.ts';
import { findNodes } from '../walk-nodes.ts';

const spanTypes = ['link', 'linkReference', 'emphasis', 'strong', 'delete'] as const;

/**
 * Kind 1: inline code, HTML, an image or a symbol at the start or end of a link, emphasis, strong or delete
 * span of the source has not moved out of the same span in the output: the output span holds it as many times
 * as the source span. Links pair up by URL in order of appearance (in-page links among themselves, as their
 * fragment may be rewritten); the other spans by type and order within their block, or within the document
 * when the blocks do not line up.
 */
export function detectSpanEdges(pair: DocumentPair): Detection[] {
  const isAligned = areBlocksAligned(pair.source, pair.output);
  const outputSpans = groupSpans(pair.output, isAligned);
  const taken = new Map<string, number>();
  const detections: Detection[] = [];
  for (const { key, node } of listSpans(pair.source, isAligned)) {
    const index = taken.get(key) ?? 0;
    taken.set(key, index + 1);
    const edges = (['start', 'end'] as const).flatMap((side) => {
      const edge = edgeOf(node, side);
      return edge === undefined ? [] : [{ side, edge }];
    });
    if (edges.length === 0) continue;
    const outputNode = outputSpans.get(key)?.[index];
    const moved = edges.filter(({ edge }) => !outputNode || countInSpan(outputNode, edge) < countInSpan(node, edge));
    if (moved.length === 0) continue;
    detections.push({
      message: outputNode
        ? `${moved.map(({ side, edge }) => `${describeEdge(edge)} at its ${side} moved out of the ${node.type}`).join('; ')}`
        : `no ${node.type} in the output in place of this one`,
      source: excerpt(sourceOf(pair.source.text, node)),
      output: outputNode ? excerpt(surroundings(pair.output.text, outputNode)) : '',
      sourceLine: node.position?.start.line,
      outputLine: outputNode?.position?.start.line,
    });
  }
  return detections;
}

function listSpans(document: ParsedDocument, isAligned: boolean): { readonly key: string; readonly node: Nodes }[] {
  const urls = new Map(findNodes(document.tree, ['definition']).map((node) => [node.identifier, node.url]));
  return document.blocks.flatMap((block, blockIndex) =>
    findNodes(block.node, spanTypes).map((node) => {
      if (node.type === 'link' || node.type === 'linkReference') {
        const url = node.type === 'link' ? node.url : (urls.get(node.identifier) ?? `[${node.identifier}]`);
        return { key: `link ${url.startsWith('#') ? '#' : url}`, node };
      }
      return { key: isAligned ? `${node.type} ${blockIndex}` : node.type, node };
    }),
  );
}

function groupSpans(document: ParsedDocument, isAligned: boolean): Map<string, Nodes[]> {
  const groups = new Map<string, Nodes[]>();
  for (const { key, node } of listSpans(document, isAligned)) {
    const group = groups.get(key) ?? [];
    group.push(node);
    groups.set(key, group);
  }
  return groups;
}

function describeEdge(edge: string): string {
  const [kind, value] = edge.split(/:(.*)/s) as [string, string];
  return kind === 'char' ? `\`${value}\`` : `${kind === 'code' ? 'inline code' : kind} \`${excerpt(value, 0, 40)}\``;
}

/** A span as written with a few characters either side, to show what moved out of it. */
function surroundings(text: string, node: Nodes): string {
  const start = Math.max(0, (node.position?.start.offset ?? 0) - 12);
  return text.slice(start, (node.position?.end.offset ?? 0) + 12);
}
