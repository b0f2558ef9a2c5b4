import { describe, expect, it } from 'vitest';
import { diffWords } from '../../src/review/diff-words.ts';

describe('diffWords', () => {
  it('marks the words removed from and added to a sentence, keeping the rest', () => {
    expect(diffWords('The museum opens at nine every day.', 'The museum opens at ten every Monday.')).toEqual([
      { type: 'same', text: 'The museum opens at ' },
      { type: 'removed', text: 'nine' },
      { type: 'added', text: 'ten' },
      { type: 'same', text: ' every ' },
      { type: 'removed', text: 'day' },
      { type: 'added', text: 'Monday' },
      { type: 'same', text: '.' },
    ]);
  });

  it('gives the whole text as one part when nothing or everything changed', () => {
    expect(diffWords('Same words.', 'Same words.')).toEqual([{ type: 'same', text: 'Same words.' }]);
    expect(diffWords('', 'New.')).toEqual([{ type: 'added', text: 'New.' }]);
  });
});
