import type { Nodes, Root } from 'mdast';
import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt, sourceOf } from '../excerpt.ts';
import { findAnchorTargets, resolveFragment, type AnchorTargets } from '../find-anchor-targets.ts';
import { findNodes } from '../walk-nodes.ts';

/** An in-page link: its `#fragment` and the node that holds it. */
interface InPageLink {
  readonly url: string;
  readonly node: Nodes;
}

const inPageHref = /\bhref\s*=\s*["'](#[^"']*)["']/gi;

/**
 * Kind 2: an in-page link (`#frag`: inline, in a reference definition, or an HTML `href`) that lands on a
 * heading or HTML id in the source lands on the same one in the output. Inline links pair up in order of
 * appearance, as do HTML hrefs; definitions by their label, which translation keeps. Headings are told apart
 * by their place when both documents have as many; otherwise landing on any heading counts.
 */
export function detectAnchors(pair: DocumentPair): Detection[] {
  const sourceTargets = findAnchorTargets(pair.source.tree);
  const outputTargets = findAnchorTargets(pair.output.tree);
  const isSameHeadings = sourceTargets.headings.length === outputTargets.headings.length;
  const check = (link: InPageLink, outputLink: InPageLink | undefined): Detection[] => {
    const target = resolveFragment(sourceTargets, link.url.slice(1));
    if (target === undefined) return [];
    const outputTarget = outputLink?.url.startsWith('#') ? resolveFragment(outputTargets, outputLink.url.slice(1)) : undefined;
    if (outputTarget !== undefined && (outputTarget === target || (!isSameHeadings && outputTarget.startsWith('heading:') && target.startsWith('heading:')))) return [];
    const landing = outputTarget ? `lands on ${describe(outputTargets, outputTarget)}` : 'lands nowhere';
    return [
      {
        message: outputLink ? `\`${link.url}\` lands on ${describe(sourceTargets, target)}; the output's \`${outputLink.url}\` ${landing}` : `\`${link.url}\`: no in-page link in its place`,
        source: excerpt(sourceOf(pair.source.text, link.node)),
        output: outputLink ? excerpt(sourceOf(pair.output.text, outputLink.node)) : '',
        sourceLine: link.node.position?.start.line,
        outputLine: outputLink?.node.position?.start.line,
      },
    ];
  };
  const pairInOrder = (find: (tree: Root) => InPageLink[]) => {
    const outputLinks = find(pair.output.tree);
    return find(pair.source.tree).flatMap((link, index) => check(link, outputLinks[index]));
  };
  const outputDefinitions = new Map(findNodes(pair.output.tree, ['definition']).map((node) => [node.identifier, { url: node.url, node }]));
  return [
    ...pairInOrder(inlineLinks),
    ...pairInOrder(htmlLinks),
    ...findNodes(pair.source.tree, ['definition'])
      .filter((node) => node.url.startsWith('#'))
      .flatMap((node) => check({ url: node.url, node }, outputDefinitions.get(node.identifier))),
  ];
}

function inlineLinks(tree: Root): InPageLink[] {
  return findNodes(tree, ['link'])
    .filter((link) => link.url.startsWith('#'))
    .map((node) => ({ url: node.url, node }));
}

function htmlLinks(tree: Root): InPageLink[] {
  return findNodes(tree, ['html']).flatMap((node) => [...node.value.matchAll(inPageHref)].map((match) => ({ url: match[1]!, node })));
}

function describe(targets: AnchorTargets, target: string): string {
  const [kind, value] = target.split(/:(.*)/s) as [string, string];
  return kind === 'heading' ? `the heading \`#${targets.headings[Number(value)]}\`` : `the HTML id \`${value}\``;
}
