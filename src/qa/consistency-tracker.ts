import type { Segment } from '../markdown/segment.ts';
import { defaultSeverities } from './default-severities.ts';
import type { CheckId, Finding, Severity } from './finding.ts';
import { plainTextOf } from './plain-text-of.ts';
import { shortenText } from './shorten-text.ts';

/** One way a source text was translated, and where. */
interface Wording {
  readonly hash: number;
  /** The first occurrence's text as findings quote it. */
  readonly shown: string;
  /** File index and line of each occurrence, in pairs. */
  readonly places: number[];
}

/**
 * Finds the same source text translated in different ways within one language, as articles finish, holding
 * per language and source text only a hash of each wording, where it occurs and how the first one reads; no
 * segment outlives its article. The most frequent wording (the first on a tie) counts as the intended one;
 * every occurrence of another gets a finding.
 */
export class ConsistencyTracker {
  readonly #severities: Partial<Record<CheckId, Severity>>;
  readonly #files: string[] = [];
  readonly #fileIndexes = new Map<string, number>();
  // One wording for almost every source text; a list once a second one turns up.
  readonly #groups = new Map<string, Wording | Wording[]>();

  constructor(severities: Partial<Record<CheckId, Severity>> = {}) {
    this.#severities = severities;
  }

  /** Adds an article's aligned source and target segments in one language. */
  add(file: string, language: string, sourceSegments: readonly Segment[], targetSegments: readonly Segment[]): void {
    const fileIndex = this.#fileIndexOf(file);
    sourceSegments.forEach((source, index) => {
      if (!source.isTranslatable) return;
      const target = targetSegments[index]!;
      // The segment id already identifies the source text; the language keeps each language's run apart.
      const key = `${language}\u0000${source.id}`;
      const hash = hashOf(wordingOf(target));
      const group = this.#groups.get(key);
      const wordings = group === undefined ? [] : Array.isArray(group) ? group : [group];
      const same = wordings.find((wording) => wording.hash === hash);
      if (same) {
        same.places.push(fileIndex, target.line);
        return;
      }
      const added: Wording = { hash, shown: shortenText(plainTextOf(target)), places: [fileIndex, target.line] };
      this.#groups.set(key, group === undefined ? added : [...wordings, added]);
    });
  }

  /** The findings for every source text translated more than one way so far. */
  findings(): Finding[] {
    const findings: Finding[] = [];
    const severity = this.#severities.inconsistent ?? defaultSeverities.inconsistent;
    for (const [key, group] of this.#groups) {
      if (!Array.isArray(group)) continue;
      const language = key.slice(0, key.indexOf('\u0000'));
      const usual = group.reduce((best, wording) => (wording.places.length > best.places.length ? wording : best));
      const message = `the same source text is translated as "${usual.shown}" at ${this.#files[usual.places[0]!]}:${usual.places[1]}`;
      for (const wording of group) {
        if (wording === usual) continue;
        for (let index = 0; index < wording.places.length; index += 2) {
          findings.push({ check: 'inconsistent', severity, file: this.#files[wording.places[index]!]!, language, line: wording.places[index + 1]!, message, text: wording.shown });
        }
      }
    }
    return findings;
  }

  #fileIndexOf(file: string): number {
    let index = this.#fileIndexes.get(file);
    if (index === undefined) {
      index = this.#files.push(file) - 1;
      this.#fileIndexes.set(file, index);
    }
    return index;
  }
}

/** The words of a translation: formatting may differ between occurrences without making the wording inconsistent. */
function wordingOf(target: Segment): string {
  return plainTextOf(target).normalize('NFC').replace(/\s+/g, ' ').trim();
}

// FNV-1a, 32 bits: only wordings of the same source text in the same language are compared, a handful at most.
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
}
