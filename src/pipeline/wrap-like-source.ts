const lineBreak = /[ \t]*\n[ \t]*/g;

/**
 * Lays a translation out on as many lines as its source, breaking at the blanks nearest to where the source's
 * lines end, in proportion to its length. The memory keys a text without its line breaks, so the same words
 * wrapped otherwise share one translation: laid out from the source alone, the output is the same whichever
 * wrapping reached the engine first. A translation that is its source word for word is the source as written.
 */
export function wrapLikeSource(source: string, translated: string): string {
  if (!translated.includes('\n') && !source.includes('\n')) return translated;
  const flat = translated.replace(lineBreak, ' ');
  if (flat === source.replace(lineBreak, ' ')) return source;
  const breaks = [...source.matchAll(/\n/g)].map((match) => match.index / source.length);
  if (breaks.length === 0) return flat;
  // Never before a kept token: raw HTML such as `</div>` starts a block at the start of a line, where the
  // source (a paragraph) could not have had it.
  const blanks = [...flat.matchAll(/ (?!<x\d+\/>)/g)].map((match) => match.index);
  const chosen = new Set<number>();
  let from = 0;
  for (const ratio of breaks) {
    const wanted = ratio * flat.length;
    let best = -1;
    for (let index = from; index < blanks.length; index++) {
      if (best === -1 || Math.abs(blanks[index]! - wanted) < Math.abs(blanks[best]! - wanted)) best = index;
      else break;
    }
    if (best === -1) break;
    chosen.add(blanks[best]!);
    from = best + 1;
  }
  let wrapped = '';
  let last = 0;
  for (const index of [...chosen].sort((a, b) => a - b)) {
    wrapped += `${flat.slice(last, index)}\n`;
    last = index + 1;
  }
  return wrapped + flat.slice(last);
}
