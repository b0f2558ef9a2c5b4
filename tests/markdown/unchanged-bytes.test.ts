// Text an engine gives back unchanged keeps the bytes it was written with; translated text keeps the character
// references its source used. The sources are the forms found in real READMEs that used to change.
import { describe, expect, it } from 'vitest';
import { extract, rebuildWith } from './helpers.ts';

const copyOf = (source: string) => Object.fromEntries(extract(source).segments.map((segment) => [segment.index, segment.text]));

describe('unchanged text keeps its bytes', () => {
  it.each([
    ['a non-breaking space written as a reference', 'Made with&nbsp;love by the team.\n'],
    ['a numeric reference', 'Supported: &#10003; yes, and &#x2717; no.\n'],
    ['an escaped less-than sign', 'Pass &lt;options&gt; to the call.\n'],
    ['a backslash escape', 'The \\$data key holds the \\*values\\*.\n'],
    ['an asterisk in quotes that needs no escape', 'Use "*" to match every file.\n'],
    ['two spaces after a full stop', 'THE SOFTWARE IS PROVIDED "AS IS".  IN NO EVENT SHALL THE AUTHORS BE LIABLE.\n'],
    ['a soft line break inside an image alt text', '[![NPM\nversion](https://img.shields.io/npm/v/x.svg)](https://npmjs.org/x) [![NPM downloads](https://img.shields.io/npm/dm/x.svg)](https://npmjs.org/x)\n'],
    ['a line break in a blockquote', '> First line of the quote\n> and its second line with &amp; in it.\n'],
  ])('%s', (_name, source) => {
    const { text, failures } = rebuildWith(source, copyOf(source));
    expect(failures).toEqual([]);
    expect(text).toBe(source);
  });

  it('writes a translated character as the reference the source used for it', () => {
    const source = 'Made with&nbsp;love &amp; care, &lt;3.\n';
    expect(extract(source).segments[0]!.text).toBe('Made with\u00a0love &amp; care, &lt;3.');
    const { text } = rebuildWith(source, { 0: 'Hecho con\u00a0amor &amp; cuidado, &lt;3.' });
    expect(text).toBe('Hecho con&nbsp;amor &amp; cuidado, &lt;3.\n');
  });

  it('writes plain letters, digits and blanks of a translation as plain characters, whatever references the source used for them', () => {
    const source = 'Keep&#32;this and &#97; here &nbsp; too.\n';
    const { text } = rebuildWith(source, { 0: 'Guarda esto y a aquí \u00a0 también.' });
    expect(text).toBe('Guarda esto y a aquí &nbsp; también.\n');
  });
});
