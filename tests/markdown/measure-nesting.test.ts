import { describe, expect, it } from 'vitest';
import { measureNesting } from '../../src/markdown/measure-nesting.ts';

describe('measureNesting', () => {
  it('measures nested block quotes and list items per line', () => {
    expect(measureNesting('> a\n> > b\n> > > c\n')).toEqual({ depth: 3, line: 3, kind: 'blocks' });
    expect(measureNesting('- a\n  - b\n    - c\n      text\n- d\n')).toEqual({ depth: 3, line: 3, kind: 'blocks' });
    expect(measureNesting('- - - x\n').depth).toBe(3);
  });

  it('measures nested emphasis and links', () => {
    expect(measureNesting(`${'*'.repeat(2000)}x${'*'.repeat(2000)}\n`)).toEqual({ depth: 2000, line: 1, kind: 'inline' });
    expect(measureNesting(`${'*a '.repeat(300)}x${' b*'.repeat(300)}\n`).depth).toBe(300);
    expect(measureNesting(`${'['.repeat(500)}x${']'.repeat(500)}\n`).depth).toBe(500);
  });

  it('keeps ordinary markdown shallow: words in snake_case, code spans, products, emphasis side by side', () => {
    const ordinary = [
      '# Title',
      '',
      `${'Set `MAX_VALUE_SIZE` or snake_case_name, 2*3*4 = 24, *one* **two** _three_ and [a link](x). '.repeat(200)}`,
      '',
      '```',
      `${'  '.repeat(300)}- deep in code`,
      '```',
    ].join('\n');
    expect(measureNesting(ordinary).depth).toBeLessThanOrEqual(2);
  });

  it('closes a code fence only with a run of its own character at least as long, so deep text after it is still measured', () => {
    const deep = '>'.repeat(500) + ' x\n';
    expect(measureNesting('```\n~~~\n```\n' + deep).depth).toBe(500);
    expect(measureNesting('````\n```\n````\n' + deep).depth).toBe(500);
    expect(measureNesting('```\n' + deep + '```\n').depth).toBe(0);
  });
});
