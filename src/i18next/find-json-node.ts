import type { JsonNode, JsonStep } from './json-tree.ts';

/** The node at a path, if the value has one there. */
export function findJsonNode(node: JsonNode, path: readonly JsonStep[]): JsonNode | undefined {
  let current: JsonNode | undefined = node;
  for (const step of path) {
    if (current?.type === 'object' && typeof step === 'string') current = current.entries.find((entry) => entry.key === step)?.value;
    else if (current?.type === 'array' && typeof step === 'number') current = current.items[step];
    else return undefined;
  }
  return current;
}
