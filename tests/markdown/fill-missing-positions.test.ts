import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';

describe('positions of literal autolinks after an unclosed bracket', () => {
  it('gives the link and the text before it their places in the source', () => {
    const paragraph = parseMarkdown('[*see http://x.a*').children[0]!;
    const emphasis = 'children' in paragraph ? paragraph.children[1]! : undefined;
    const [text, link] = emphasis && 'children' in emphasis ? emphasis.children : [];
    expect([text?.position?.start.offset, text?.position?.end.offset]).toEqual([2, 6]);
    expect([link?.position?.start.offset, link?.position?.end.offset]).toEqual([6, 16]);
  });

  it('finds text whose line-end blanks the parser dropped', () => {
    const paragraph = parseMarkdown('*[ \nhttp://1.a*').children[0]!;
    const emphasis = 'children' in paragraph ? paragraph.children[0]! : undefined;
    const [text] = emphasis && 'children' in emphasis ? emphasis.children : [];
    expect([text?.position?.start.offset, text?.position?.end.offset, text?.position?.start.line]).toEqual([1, 4, 1]);
  });
});

describe('positions of literal autolinks written with character references or escapes', () => {
  const linkOffsets = (source: string) => {
    const offsets: [number | undefined, number | undefined][] = [];
    const visit = (node: Nodes) => {
      if (node.type === 'link') offsets.push([node.position?.start.offset, node.position?.end.offset]);
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(parseMarkdown(source));
    return offsets;
  };

  it.each([
    ['an e-mail address with a numeric reference', 'Mail contact&#64;example.org now.\n', [[5, 28]]],
    ['an e-mail address with a named reference, in a table cell', '| A |\n| - |\n| a&commat;b.co |\n', [[14, 27]]],
    ['a www address with an escaped full stop', 'See www\\.example.org today.\n', [[4, 20]]],
    ['two addresses in a quote', '> Mail a&#64;b.co and x&#64;y.org\n', [[7, 17], [22, 33]]],
    ['a reference before the same character written plainly', '&#64;WwW.http===@>#\n', [[5, 19]]],
    ['an address with an escaped backslash, an escape and a reference', 'Visit +www.\\\\http\\.&#46;#a now.\n', [[7, 26]]],
  ])('places %s', (_name, source, expected) => {
    expect(linkOffsets(source)).toEqual(expected);
  });
});
