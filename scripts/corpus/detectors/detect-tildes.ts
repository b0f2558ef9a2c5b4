import { alignBlocks } from '../align-blocks.ts';
import type { Detection, DocumentPair } from '../detector.ts';
import { excerpt } from '../excerpt.ts';

/** Kind 4: the output's text has as many `~` as the source's (code and strikethrough markup aside). */
export function detectTildes(pair: DocumentPair): Detection[] {
  return alignBlocks(pair.source, pair.output).flatMap((text) => {
    const sourceCount = countTildes(text.source);
    const outputCount = countTildes(text.output);
    if (sourceCount === outputCount) return [];
    const at = Math.max(0, text.source.indexOf('~'));
    return [
      {
        message: `${sourceCount} \`~\` in the source text, ${outputCount} in the output`,
        source: excerpt(text.source, at),
        output: excerpt(text.output, Math.max(0, text.output.indexOf('~'))),
        sourceLine: text.sourceLine,
        outputLine: text.outputLine,
      },
    ];
  });
}

function countTildes(text: string): number {
  return text.split('~').length - 1;
}
