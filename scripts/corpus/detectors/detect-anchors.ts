import type { Definition, Link, Root } from 'mdast';
import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt, sourceOf } from '../excerpt.ts';
import { findAnchorTargets, resolveFragment, type AnchorTargets } from '../find-anchor-targets.ts';
import { findNodes } from '../walk-nodes.ts';

/**
 * Kind 2: an in-page link (`#frag`, inline or in a reference definition) that lands on a heading or HTML id in
 * the source lands on the same one in the output. Inline links pair up in order of appearance; definitions by
 * their label, which translation keeps. Headings are told apart by their place when both documents have as
 * many; otherwise landing on any heading counts.
 */
export function detectAnchors(pair: DocumentPair): Detection[] {
  const sourceTargets = findAnchorTargets(pair.source.tree);
  const outputTargets = findAnchorTargets(pair.output.tree);
  const isSameHeadings = sourceTargets.headings.length === outputTargets.headings.length;
  const check = (sourceNode: Link | Definition, outputNode: Link | Definition | undefined): Detection[] => {
    const target = resolveFragment(sourceTargets, sourceNode.url.slice(1));
    if (target === undefined) return [];
    const outputTarget = outputNode?.url.startsWith('#') ? resolveFragment(outputTargets, outputNode.url.slice(1)) : undefined;
    if (outputTarget !== undefined && (outputTarget === target || (!isSameHeadings && outputTarget.startsWith('heading:') && target.startsWith('heading:')))) return [];
    return [
      {
        message: outputNode ? `\`${sourceNode.url}\` lands on ${describe(sourceTargets, target)}; the output's \`${outputNode.url}\` ${outputTarget ? `lands on ${describe(outputTargets, outputTarget)}` : 'lands nowhere'}` : `\`${sourceNode.url}\`: no in-page link in its place`,
        source: excerpt(sourceOf(pair.source.text, sourceNode)),
        output: outputNode ? excerpt(sourceOf(pair.output.text, outputNode)) : '',
        sourceLine: sourceNode.position?.start.line,
        outputLine: outputNode?.position?.start.line,
      },
    ];
  };
  const outputLinks = inPageLinks(pair.output.tree);
  const outputDefinitions = new Map(findNodes(pair.output.tree, ['definition']).map((node) => [node.identifier, node]));
  return [
    ...inPageLinks(pair.source.tree).flatMap((link, index) => check(link, outputLinks[index])),
    ...findNodes(pair.source.tree, ['definition'])
      .filter((node) => node.url.startsWith('#'))
      .flatMap((node) => check(node, outputDefinitions.get(node.identifier))),
  ];
}

function inPageLinks(tree: Root): Link[] {
  return findNodes(tree, ['link']).filter((link) => link.url.startsWith('#'));
}

function describe(targets: AnchorTargets, target: string): string {
  const [kind, value] = target.split(/:(.*)/s) as [string, string];
  return kind === 'heading' ? `the heading \`#${targets.headings[Number(value)]}\`` : `the HTML id \`${value}\``;
}
