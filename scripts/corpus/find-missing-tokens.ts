import { alignBlocks } from './align-blocks.ts';
import type { Detection, DocumentPair } from './detector.ts';
import { excerpt } from './excerpt.ts';
import { countToken, findTokens } from './find-tokens.ts';

/**
 * Finds tokens of a pattern in each block of the source's text that its block in the output no longer holds
 * as many times (see `alignBlocks`). Text matching `ignore` (what another detector reads) is blanked out first,
 * in both, so that a token is never counted by two detectors.
 */
export function findMissingTokens(pair: DocumentPair, pattern: RegExp, ignore: readonly RegExp[] = []): Detection[] {
  const detections: Detection[] = [];
  const blank = (text: string) => ignore.reduce((result, other) => result.replace(other, (match) => ' '.repeat(match.length)), text);
  for (const aligned of alignBlocks(pair.source, pair.output)) {
    const text = { ...aligned, source: blank(aligned.source), output: blank(aligned.output) };
    const found = findTokens(text.source, pattern);
    const counts = new Map<string, number>();
    for (const { token } of found) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [token, count] of counts) {
      const outputCount = countToken(text.output, token);
      if (outputCount >= count) continue;
      const at = found.find((item) => item.token === token)!.index;
      detections.push({
        message: `\`${token}\` appears ${count} time(s) in the source text, ${outputCount} in the output`,
        source: excerpt(aligned.source, at),
        output: excerpt(aligned.output, Math.round((at * aligned.output.length) / Math.max(1, aligned.source.length))),
        sourceLine: text.sourceLine,
        outputLine: text.outputLine,
      });
    }
  }
  return detections;
}
