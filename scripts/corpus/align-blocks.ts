import type { ParsedDocument } from './parse-document.ts';

/** A stretch of text of the source and the stretch of the output that translates it. */
export interface AlignedText {
  readonly source: string;
  readonly output: string;
  readonly sourceLine: number;
  readonly outputLine: number;
}

/** Whether source and output have the same blocks of text in the same order, so that block `i` translates block `i`. */
export function areBlocksAligned(source: ParsedDocument, output: ParsedDocument): boolean {
  return source.blocks.length === output.blocks.length && source.blocks.every((block, index) => block.node.type === output.blocks[index]!.node.type);
}

/**
 * Pairs the text of a source and its output. The pipeline translates block by block and keeps the block
 * structure, so when the blocks line up, a token is looked for in its own block. Otherwise the whole text of
 * each document is one pair: coarser, but never wrong about which text translates which.
 */
export function alignBlocks(source: ParsedDocument, output: ParsedDocument): AlignedText[] {
  if (areBlocksAligned(source, output)) {
    return source.blocks.map((block, index) => {
      const outputBlock = output.blocks[index]!;
      return { source: block.text, output: outputBlock.text, sourceLine: block.line, outputLine: outputBlock.line };
    });
  }
  const join = (document: ParsedDocument) => document.blocks.map((block) => block.text).join('\n\n');
  return [{ source: join(source), output: join(output), sourceLine: 1, outputLine: 1 }];
}
