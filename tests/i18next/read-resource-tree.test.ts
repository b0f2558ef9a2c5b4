import { describe, expect, it } from 'vitest';
import { readResourceTree } from '../../src/i18next/segment-resource.ts';

describe('readResourceTree', () => {
  it('keeps keys in the order written, numeric ones included', () => {
    const tree = readResourceTree('{ "b": "B", "10": "Ten", "a": ["x", 2, true, null, -0.5e3] }', 'common.json');
    expect(tree.entries.map((entry) => entry.key)).toEqual(['b', '10', 'a']);
  });

  it('refuses what JSON refuses, with its line and column: a leading zero, a trailing comma', () => {
    expect(() => readResourceTree('{\n  "max": 010\n}', 'common.json')).toThrow('common.json is not valid JSON: expected "," or "}" at line 2, column 11.');
    expect(() => readResourceTree('{ "a": "A", }', 'common.json')).toThrow(/common\.json is not valid JSON: expected a key in double quotes at line 1/);
  });

  it('refuses nesting deeper than any resource file has, with a message instead of a stack overflow', () => {
    const deep = `{"a": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(() => readResourceTree(deep, 'common.json')).toThrow(/common\.json is not valid JSON: objects and arrays nest more than 100 levels deep/);
  });
});
