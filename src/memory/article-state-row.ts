import type { ArticleState } from '../pipeline/article-state.ts';
import { keepPlaces, type ConsistencyPlaces } from '../qa/consistency-tracker.ts';
import type { CheckId, Finding, Severity } from '../qa/finding.ts';

/** An `article_states` row: SQLite gives its JSON columns as text, PostgreSQL (jsonb) already parsed. */
export interface ArticleStateRow<Json = string> {
  readonly target_language: string;
  readonly file: string;
  readonly source_hash: string;
  readonly engine_profile: string;
  readonly glossary_version: string;
  readonly config_hash: string;
  readonly memory_version: string;
  readonly output_hash: string;
  readonly term_ids: Json;
  readonly source_ids: Json;
  readonly outcome: Json;
}

/** Named parameters of the SQLite statement that saves a state. */
export function articleStateToRow(state: ArticleState): Record<string, string> {
  return {
    language: state.language,
    file: state.file,
    sourceHash: state.sourceHash,
    engineProfile: state.engineProfile,
    glossaryVersion: state.glossaryVersion,
    configHash: state.configHash,
    memoryVersion: state.memoryVersion,
    outputHash: state.outputHash,
    termIds: JSON.stringify(state.termIds),
    sourceIds: JSON.stringify(state.sourceIds),
    outcome: outcomeToJson(state),
  };
}

/** The state a row holds; `readJson` turns a JSON column into its value. */
export function rowToArticleState<Json>(row: ArticleStateRow<Json>, readJson: (value: Json) => unknown): ArticleState {
  return {
    language: row.target_language,
    file: row.file,
    sourceHash: row.source_hash,
    engineProfile: row.engine_profile,
    glossaryVersion: row.glossary_version,
    configHash: row.config_hash,
    memoryVersion: row.memory_version,
    outputHash: row.output_hash,
    termIds: readJson(row.term_ids) as string[],
    sourceIds: readJson(row.source_ids) as string[],
    outcome: readOutcome(readJson(row.outcome) as StoredOutcome, row),
  };
}

/**
 * An outcome as a row keeps it: the places' JSON as a string and their keys beside it, and each finding about
 * the state's own file and language without them. States kept by earlier versions hold the places as an array,
 * or as its JSON with no keys, and every finding whole.
 */
type StoredOutcome = Omit<ArticleState['outcome'], 'places' | 'findings'> & {
  readonly findings: readonly (Finding | KeptFinding)[];
  readonly places: ConsistencyPlaces | string;
  readonly placeKeys?: string;
};

/**
 * A finding without the file and language it shares with its state. The findings are most of a state where an
 * engine leaves many (the copy engine one per segment), and a re-run reads every state.
 */
type KeptFinding = readonly [check: CheckId, severity: Severity, line: number, message: string, text: string];

/** An outcome as the JSON of its column, on either memory. */
export function outcomeToJson({ file, language, outcome: { places, findings, ...outcome } }: ArticleState): string {
  const kept = findings.map((finding) => (finding.file === file && finding.language === language ? [finding.check, finding.severity, finding.line, finding.message, finding.text] as const : finding));
  return JSON.stringify({ ...outcome, findings: kept, places: places.json, placeKeys: places.keys } satisfies StoredOutcome);
}

function readOutcome({ places, placeKeys, findings, ...outcome }: StoredOutcome, { file, target_language: language }: Pick<ArticleStateRow<unknown>, 'file' | 'target_language'>): ArticleState['outcome'] {
  const whole = findings.map((finding): Finding => {
    if (!Array.isArray(finding)) return finding as Finding;
    const [check, severity, line, message, text] = finding as KeptFinding;
    return { check, severity, file, language, line, message, text };
  });
  if (typeof places === 'string' && placeKeys !== undefined) return { ...outcome, findings: whole, places: { json: places, keys: placeKeys } };
  return { ...outcome, findings: whole, places: keepPlaces(typeof places === 'string' ? (JSON.parse(places) as ConsistencyPlaces) : places) };
}
