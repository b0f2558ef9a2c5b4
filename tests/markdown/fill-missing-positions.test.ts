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
