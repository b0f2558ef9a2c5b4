import { describe, expect, it } from 'vitest';
import { wrapLikeSource } from '../../src/pipeline/wrap-like-source.ts';

describe('wrapLikeSource', () => {
  it('gives back the source as written when the translation is its words wrapped otherwise', () => {
    expect(wrapLikeSource('In Node.js,\ninstall with <g1>npm</g1>:', 'In Node.js, install\nwith <g1>npm</g1>:')).toBe('In Node.js,\ninstall with <g1>npm</g1>:');
  });

  it('lays a translation out on as many lines as its source, whatever lines the engine gave', () => {
    const source = 'The permission notice shall be\nincluded in all copies or substantial\nportions of the Software.';
    const wrapped = wrapLikeSource(source, 'El aviso de permiso\nse incluirá en todas las copias o partes sustanciales del Software.');
    expect(wrapped.split('\n')).toHaveLength(3);
    expect(wrapped.replace(/\n/g, ' ')).toBe('El aviso de permiso se incluirá en todas las copias o partes sustanciales del Software.');
    expect(wrapLikeSource(source, wrapped.replace(/\n/g, ' '))).toBe(wrapped);
  });

  it('joins the lines of a translation whose source has one line', () => {
    expect(wrapLikeSource('One line of text.', 'Una línea\nde texto.')).toBe('Una línea de texto.');
  });

  it('never starts a line with a kept token, which as raw HTML (`</div>`) would start a block there', () => {
    // The blank nearest to where the source's line ends is the one before the token.
    expect(wrapLikeSource('aaaa bbbb\ncccc', 'xxxxxxxx <x1/> yy')).toBe('xxxxxxxx <x1/>\nyy');
  });
});
