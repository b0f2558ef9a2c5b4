/** A JSON value read with its keys in file order and where each string stands. */
export type JsonNode =
  | { readonly type: 'object'; readonly entries: readonly JsonEntry[] }
  | { readonly type: 'array'; readonly items: readonly JsonNode[] }
  | { readonly type: 'string'; readonly value: string; readonly start: number; readonly end: number; readonly line: number }
  /** A number, `true`, `false` or `null`, kept as written. */
  | { readonly type: 'literal'; readonly raw: string };

export interface JsonEntry {
  readonly key: string;
  readonly value: JsonNode;
}

/** A step of a path into a JSON value: an object key or an array index. */
export type JsonStep = string | number;
