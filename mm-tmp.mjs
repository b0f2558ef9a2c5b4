import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
const s = readFileSync('/tmp/w14b-long/articles/en/long.md', 'utf8').slice(0, +process.argv[2]);
for (const [name, ext] of [['plain', []], ['table', [gfmTable()]], ['autolink', [gfmAutolinkLiteral()]], ['strike', [gfmStrikethrough()]], ['footnote', [gfmFootnote()]]]) {
let t = performance.now(); fromMarkdown(s, {extensions: ext}); console.log(name, ((performance.now() - t) / 1000).toFixed(2));
}
