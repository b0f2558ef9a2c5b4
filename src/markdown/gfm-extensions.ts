import type { Code, Construct, Extension, TokenizeContext } from 'micromark-util-types';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

type Guard = (context: TokenizeContext) => boolean;

// What each literal autolink must start with, read off its tokenizer: atext right before `@`, `www.` or
// `http:`/`https:` in any case. Tested at the place micromark is about to try it.
const autolinkStarts: Readonly<Record<string, RegExp>> = {
  emailAutolink: /[\w+.-]+@/y,
  wwwAutolink: /www\./iy,
  protocolAutolink: /https?:/iy,
};

/**
 * micromark extensions for GFM that try its two costly constructs only where the document being parsed
 * (`parsing`) may hold them. Unguarded, micromark tries the e-mail literal at every word and the table at every
 * paragraph: on a long line that is most of the parse, and it finds nothing. Each guard is a necessary condition
 * for its construct, so the constructs themselves still decide, and the tree is the one full GFM gives.
 */
export function gfmExtensions(parsing: () => GuardedDocument): Extension[] {
  return [guardedAutolinks(parsing), gfmFootnote(), gfmStrikethrough(), guardedTable(parsing), gfmTaskListItem()];
}

/** What the guards read of the document being parsed. */
export interface GuardedDocument {
  /** The source after any byte-order mark: micromark drops one, and the places it reports are in the text after it. */
  readonly text: string;
  /** The lines on which a table row may start. */
  readonly rowLines: ReadonlySet<number>;
}

/** Reads what the guards need of a document, before it is parsed. */
export function guardedDocument(source: string): GuardedDocument {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  return { text, rowLines: tableRowLines(text) };
}

/**
 * The lines (1-based) on which a table row may start: the line before a delimiter row (a line of `-` with `|`
 * or `:`, behind nothing but indentation and `>` markers), and the lines after one up to a blank line.
 */
export function tableRowLines(source: string): ReadonlySet<number> {
  const lines = source.split(/\r\n|\r|\n/);
  // One class, no alternation: a pattern with two runs of it backtracks quadratically on a long line of `-`.
  const isDelimiterRow = lines.map((line) => /^[\t >|:-]*$/.test(line) && line.includes('-') && /[|:]/.test(line));
  const rowLines = new Set<number>();
  let isAfterDelimiterRow = false;
  lines.forEach((line, index) => {
    if (/^[\t ]*$/.test(line)) isAfterDelimiterRow = false;
    if (isAfterDelimiterRow || isDelimiterRow[index + 1]) rowLines.add(index + 1);
    if (isDelimiterRow[index]) isAfterDelimiterRow = true;
  });
  return rowLines;
}

function guardedAutolinks(parsing: () => GuardedDocument): Extension {
  const text: NonNullable<Extension['text']> = {};
  for (const [code, constructs] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    text[Number(code)] = [constructs ?? []].flat().map((construct) => {
      const start = construct.name === undefined ? undefined : autolinkStarts[construct.name];
      if (!start) return construct;
      return guarded(construct, (context) => {
        start.lastIndex = context.now().offset;
        return start.test(parsing().text);
      });
    });
  }
  return { text };
}

function guardedTable(parsing: () => GuardedDocument): Extension {
  const flow = gfmTable().flow ?? {};
  const constructs = [flow.null ?? []].flat().map((construct) => guarded(construct, (context) => parsing().rowLines.has(context.now().line)));
  return { flow: { null: constructs } };
}

// `previous` decides whether text breaks off to try the construct at all; `tokenize` covers the tries that
// another construct at the same character starts. Both ask the construct's own `previous` before the guard:
// the e-mail guard reads the rest of a word, and must only do so where a word starts, or a line such as
// `_h_h_h…` (where the URL literal is tried at every `h`) would be read again from every `h`.
function guarded(construct: Construct, mayStart: Guard): Construct {
  const { previous, tokenize } = construct;
  const mayStartHere = (context: TokenizeContext, code: Code) => (!previous || previous.call(context, code)) && mayStart(context);
  return {
    ...construct,
    ...(previous && {
      previous(code) {
        return mayStartHere(this, code);
      },
    }),
    tokenize(effects, ok, nok) {
      return mayStartHere(this, this.previous) ? tokenize.call(this, effects, ok, nok) : nok;
    },
  };
}
